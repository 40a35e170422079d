"""Simulate GPipe and 1F1B pipeline schedules; measure the bubble and in-flight activations."""

from fractions import Fraction

T_F, T_B = 1, 2  # time of one micro-batch's forward and backward on one stage


def schedule(p, m, kind):
    """Each stage's ordered list of ops ('F' or 'B', micro-batch)."""
    orders = []
    for s in range(p):
        if kind == "gpipe":  # all forwards, then all backwards
            orders.append([("F", j) for j in range(m)] + [("B", j) for j in range(m)])
        else:  # 1F1B: warm-up forwards, then alternate, then drain backwards
            w = min(p - s - 1, m)
            ops = [("F", j) for j in range(w)]
            for i in range(m - w):
                ops += [("F", w + i), ("B", i)]
            orders.append(ops + [("B", j) for j in range(m - w, m)])
    return orders


def simulate(p, m, kind, times=None):
    """Run each stage's ops in order as soon as their inputs exist; return time and memory.

    If a dict is given as times, it receives the end time of every (op, stage, micro-batch).
    """
    orders, done, free = schedule(p, m, kind), {}, [0] * p
    pos = [0] * p
    while any(pos[s] < len(orders[s]) for s in range(p)):
        for s in range(p):
            if pos[s] == len(orders[s]):
                continue
            op, j = orders[s][pos[s]]
            dep = (("F", s - 1, j) if s > 0 else None) if op == "F" else \
                (("B", s + 1, j) if s < p - 1 else ("F", s, j))
            if dep is not None and dep not in done:
                continue
            start = max(free[s], done[dep] if dep else 0)
            free[s] = done[(op, s, j)] = start + (T_F if op == "F" else T_B)
            pos[s] += 1
    peak = []  # micro-batches whose activations a stage holds (forward done, backward not)
    for ops in orders:
        held, most = 0, 0
        for op, _ in ops:
            held += 1 if op == "F" else -1
            most = max(most, held)
        peak.append(most)
    if times is not None:
        times.update(done)
    return max(free), peak


p = 4
print(f"p = {p} stages, forward {T_F}, backward {T_B} per micro-batch")
print("  m  makespan  bubble (of total)  peak activations GPipe / 1F1B (stage 0)")
for m in (1, 4, 8, 16, 32):
    t_g, peak_g = simulate(p, m, "gpipe")
    t_1, peak_1 = simulate(p, m, "1f1b")
    assert t_g == t_1 == (m + p - 1) * (T_F + T_B)
    bubble = 1 - Fraction(m * (T_F + T_B), t_g)
    assert bubble == Fraction(p - 1, m + p - 1)
    assert peak_g[0] == m and peak_1[0] == min(p, m)
    print(f"{m:3d}  {t_g:8d}  {float(bubble):17.1%}  {peak_g[0]:5d} / {peak_1[0]}")
print("bubble = (p-1)/(m+p-1) for both schedules; 1F1B holds at most p micro-batches")

# Figure: the GPipe schedule for p = 4, m = 4 as a Gantt chart; the blank cells are the bubble.
import matplotlib.pyplot as plt

m, ends = 4, {}
t_g, _ = simulate(p, m, "gpipe", ends)
busy = sum(T_F if op == "F" else T_B for op, _, _ in ends)
assert t_g == 21 and 1 - Fraction(busy, p * t_g) == Fraction(3, 7)  # the 42.9% in the table
fig, ax = plt.subplots()
for (op, s, j), end in ends.items():
    dur = T_F if op == "F" else T_B
    ax.broken_barh([(end - dur, dur)], (s - 0.4, 0.8), facecolors="#9ecae1" if op == "F" else "#fdae6b",
                   edgecolors="black", linewidth=0.6)
    ax.text(end - dur / 2, s, f"{op}{j + 1}", ha="center", va="center", fontsize=8)
ax.bar(0, 0, color="#9ecae1", edgecolor="black", label="F: forward (1 unit)")
ax.bar(0, 0, color="#fdae6b", edgecolor="black", label="B: backward (2 units)")
for x_b, s_b in [(1.5, 3), (9.5, 0)]:
    ax.text(x_b, s_b, "bubble", ha="center", va="center", color="grey", style="italic")
ax.set_yticks(range(p), [f"stage {s + 1}" for s in range(p)])
ax.invert_yaxis()
ax.set_xlim(0, t_g)
ax.set_xticks(range(0, t_g + 1, 3))
ax.set_xlabel("time (units of one forward pass)")
ax.grid(axis="y", visible=False)
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2)
fig.savefig("gpipe-schedule.svg")
plt.close(fig)
print(f"figure: GPipe, p = {p}, m = {m}: step {t_g}, idle {1 - busy / (p * t_g):.1%}")
