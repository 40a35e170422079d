"""An attention sink absorbs a head's spare attention; evicting it rescales everything else."""

import numpy as np

rng = np.random.default_rng(0)
T, D, WINDOW, N_SINK = 400, 16, 32, 4


def attend(q, k, v):
    s = k @ q / np.sqrt(D)
    p = np.exp(s - s.max())
    p /= p.sum()
    return p @ v, p


# A head that usually has nothing to look up: its queries all share a direction u, and the
# first token's key points along u (a learned "no-op" target) with a value of almost zero.
u = rng.normal(size=D)
u /= np.linalg.norm(u)
keys = rng.normal(size=(T, D))
values = rng.normal(size=(T, D))
keys[0] = 7.0 * u
values[0] = 0.01 * rng.normal(size=D)
queries = 5.0 * u + 0.5 * rng.normal(size=(50, D))      # the last 50 positions' queries

errs = {"window only": [], "4 sinks + window": []}
norms = {"window only": [], "4 sinks + window": []}
mass = []
for i, q in enumerate(queries):
    t = T - len(queries) + i + 1                         # this query sees positions < t
    full, p = attend(q, keys[:t], values[:t])
    mass.append(p[0])
    recent = np.arange(t - WINDOW, t)
    win, _ = attend(q, keys[recent], values[recent])
    keep = np.concatenate([np.arange(N_SINK), recent])
    sink, _ = attend(q, keys[keep], values[keep])
    scale = np.linalg.norm(full)
    errs["window only"].append(np.linalg.norm(win - full) / scale)
    errs["4 sinks + window"].append(np.linalg.norm(sink - full) / scale)
    norms["window only"].append(np.linalg.norm(win) / scale)
    norms["4 sinks + window"].append(np.linalg.norm(sink) / scale)

p0 = float(np.mean(mass))
e_win, e_sink = (float(np.median(errs[k])) for k in errs)
n_win, n_sink = (float(np.median(norms[k])) for k in norms)
print(f"mean attention on token 0: {p0:.3f} (uniform would be about {1 / T:.4f})")
print(f"median relative error of the head's output: window only {e_win:.2f}, "
      f"4 sinks + window {e_sink:.2f}")
print(f"median output norm relative to full attention: window only {n_win:.1f}, "
      f"4 sinks + window {n_sink:.1f}")
assert 0.8 < p0 < 0.95
assert e_win > 10 * e_sink and n_win > 10 and 0.5 < n_sink < 2

# Without the sink, the softmax renormalises: each remaining weight grows by 1 / (1 - p0),
# so the head's output is scaled up by about that factor (plus the loss of the middle).
q = queries[-1]
full, p = attend(q, keys, values)
rest, p_rest = attend(q, keys[1:], values[1:])
assert np.allclose(p_rest, p[1:] / (1 - p[0]))
assert np.allclose(rest, (full - p[0] * values[0]) / (1 - p[0]))
print(f"evicting token 0 multiplies every other weight by 1/(1 - p0) = {1 / (1 - p[0]):.1f}")
print(f"output norm: with sink {np.linalg.norm(full):.3f}, without {np.linalg.norm(rest):.3f}")
