"""Arithmetic behind the worked project answer: recall interval and daily workload."""

import math

parts_per_day, defect_rate = 40_000, 0.012
test_defects = 600
systems = {"old rule-based": (0.81, 0.06), "fine-tuned CNN": (0.94, 0.02)}

defects = parts_per_day * defect_rate
good = parts_per_day - defects
print(f"per day: {defects:.0f} defective, {good:.0f} good parts")
flags = {}
for name, (recall, fpr) in systems.items():
    half = 1.96 * math.sqrt(recall * (1 - recall) / test_defects)
    flagged = defects * recall + good * fpr
    missed = defects * (1 - recall)
    flags[name] = (flagged, missed)
    print(
        f"{name:15s} recall {recall:.2f} +/- {half:.3f} (95%, n={test_defects}); "
        f"flagged/day {flagged:6.0f}; missed/day {missed:5.1f}"
    )

(f_old, m_old), (f_new, m_new) = flags.values()
print(
    f"manual inspections cut by {1 - f_new / f_old:.0%}; "
    f"missed defects cut by {1 - m_new / m_old:.0%}"
)
assert round(f_old) == 2760 and round(f_new) == 1242
assert math.isclose(m_old, 91.2) and math.isclose(m_new, 28.8)
assert round(1 - f_new / f_old, 2) == 0.55 and round(1 - m_new / m_old, 2) == 0.68
