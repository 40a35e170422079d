"""LLM serving metrics from token timestamps, and the latency-throughput trade-off."""

import numpy as np

rng = np.random.default_rng(0)

# 1. A synthetic trace: 200 requests; each token's emission time is recorded.
n_req = 200
arrival = np.sort(rng.uniform(0, 60, n_req))                # seconds
n_out = rng.integers(20, 400, n_req)                         # output tokens per request
first = arrival + rng.gamma(4, 0.05, n_req)                  # queueing + prefill
traces = []
for i in range(n_req):
    gaps = rng.normal(0.020, 0.002, n_out[i] - 1).clip(0.015)  # ~20 ms per decode step
    stalls = rng.random(n_out[i] - 1) < 0.01                  # another request's prefill
    gaps[stalls] += 0.150
    traces.append(first[i] + np.concatenate([[0.0], np.cumsum(gaps)]))

ttft = np.array([t[0] for t in traces]) - arrival
e2e = np.array([t[-1] for t in traces]) - arrival
tpot = (e2e - ttft) / (n_out - 1)
itl = np.concatenate([np.diff(t) for t in traces])          # every inter-token gap

# Identities that hold by definition; a tool that breaks them uses another definition.
assert np.allclose(e2e, ttft + (n_out - 1) * tpot)
assert np.allclose(tpot, [np.diff(t).mean() for t in traces])
span = max(t[-1] for t in traces) - arrival.min()
print(f"TTFT  p50 {1e3 * np.median(ttft):6.1f} ms   p99 {1e3 * np.percentile(ttft, 99):6.1f} ms")
print(f"TPOT  p50 {1e3 * np.median(tpot):6.1f} ms   p99 {1e3 * np.percentile(tpot, 99):6.1f} ms")
print(f"ITL   p50 {1e3 * np.median(itl):6.1f} ms   p99 {1e3 * np.percentile(itl, 99):6.1f} ms"
      f"   max {1e3 * itl.max():6.1f} ms")
print(f"E2E   p50 {np.median(e2e):6.2f} s    p99 {np.percentile(e2e, 99):6.2f} s")
print(f"throughput {n_out.sum() / span:.0f} output tokens/s, {n_req / span:.2f} requests/s")

# TPOT is an average per request: a request can meet a 25 ms TPOT target while its reader
# sees a 150+ ms freeze. The stalls are invisible in the median ITL but not in its tail.
max_gap = np.array([np.diff(t).max() for t in traces])
frozen_but_ok = (tpot < 0.025) & (max_gap > 0.150)
assert frozen_but_ok.sum() > 0 and np.percentile(itl, 99.5) > 5 * np.median(itl)
print(f"{frozen_but_ok.sum()} of {n_req} requests meet TPOT < 25 ms yet stall > 150 ms once")

# Goodput: requests per second that meet both service-level objectives.
ok = (ttft < 0.4) & (tpot < 0.025)
print(f"goodput with SLO TTFT<400 ms, TPOT<25 ms: {ok.sum() / span:.2f} requests/s "
      f"({ok.mean():.0%} of requests)")

# 2. Batch size trades TPOT for throughput. Roofline bound for Llama 2 7B, 16-bit, on an
#    A100 80GB SXM (datasheet: 312 TFLOP/s BF16 dense, 2,039 GB/s), 1000 cached tokens each.
N, PEAK, BW, HBM = 6_738_415_616, 312e12, 2.039e12, 80e9
KV_TOKEN, CTX = 2 * 32 * 4096 * 2, 1000
b_max = int((HBM - 2 * N) // (KV_TOKEN * CTX))               # sequences whose cache fits
rows = []
for b in [1, 8, 32, 64, b_max]:
    step = max(2 * N * b / PEAK, (2 * N + KV_TOKEN * CTX * b) / BW)
    rows.append((b, 1e3 * step, b / step))
    print(f"batch {b:3d}: TPOT >= {1e3 * step:5.2f} ms, throughput <= {b / step:6.0f} tokens/s")
tp = [r[2] for r in rows]
lat = [r[1] for r in rows]
assert all(np.diff(tp) > 0) and all(np.diff(lat) > 0)
assert tp[-1] / tp[0] > 20 and lat[-1] / lat[0] < 10   # throughput grows far faster than TPOT
