"""RoPE context extension: extrapolation, position interpolation, NTK base, YaRN."""

import numpy as np

d, b = 128, 10000.0          # head dimension and RoPE base (LLaMA 1 and 2)
L, L_new = 2048, 8192        # trained and target context lengths
s = L_new / L                # scale factor 4
i = np.arange(d // 2)
theta = b ** (-2 * i / d)    # frequency of pair i, radians per position
wavelength = 2 * np.pi / theta


def max_angle(freqs, n_pos):
    return (n_pos - 1) * freqs


# Plain extrapolation: pairs whose wavelength exceeds L never made a full turn
# in training, so positions past L give them angles the model has never seen.
slow = wavelength > L
seen = max_angle(theta, L)
print(f"{slow.sum()} of {d // 2} pairs have wavelength > {L} (from pair {i[slow][0]})")
assert slow.sum() == 23 and i[slow][0] == 41 and np.all(slow[41:])
# Slow pairs covered less than a full circle in training; the others at least one.
assert np.all(seen[slow] < 2 * np.pi) and np.all(seen[~slow] >= 2 * np.pi)
# At position 5000, 18 slow pairs are at angles never reached in training,
# including every pair whose wavelength exceeds 5000 (it has not wrapped yet).
unseen = (5000 * theta) % (2 * np.pi) > seen
print(f"position 5000: {unseen.sum()} pairs at angles never seen in training")
assert unseen.sum() == 18 and np.all(unseen[wavelength > 5000]) and unseen[42]
assert np.sum(wavelength > 5000) == 17
assert not np.any(unseen[~slow])

# Position interpolation: theta / s, i.e. position p is used as p / s.
pi_theta = theta / s
assert np.all(max_angle(pi_theta, L_new) <= L * theta)        # in trained range
rng = np.random.default_rng(0)
q, k = rng.normal(size=d), rng.normal(size=d)


def rope_score(q, k, m, n, freqs):
    a = (m - n) * freqs    # the score depends on the offset only
    qc, kc = q[0::2] + 1j * q[1::2], k[0::2] + 1j * k[1::2]
    return float(np.real(np.sum(qc * np.conj(kc) * np.exp(1j * a))))


assert np.isclose(rope_score(q, k, 4 * 900, 4 * 897, pi_theta),
                  rope_score(q, k, 900, 897, theta))
print(f"PI: angle between neighbours in the fastest pair {theta[0]:.2f}"
      f" -> {pi_theta[0]:.2f} rad")

# NTK-aware scaling: raise the base to b * s^(d / (d - 2)).
ntk_base = b * s ** (d / (d - 2))
assert round(ntk_base) == 40_890
ntk_theta = ntk_base ** (-2 * i / d)
assert np.isclose(ntk_theta[0], theta[0])                 # fastest pair unchanged
assert np.isclose(ntk_theta[-1], theta[-1] / s)           # slowest pair = PI
print(f"NTK base {b * s ** (d / (d - 2)):,.0f}: pair 0 ratio"
      f" {theta[0] / ntk_theta[0]:.2f}, pair 63 ratio {theta[-1] / ntk_theta[-1]:.2f}")

# YaRN's "NTK-by-parts" rule: interpolate pairs by how many turns they make in L.
alpha, beta = 1.0, 32.0
r = L / wavelength
gamma = np.clip((r - alpha) / (beta - alpha), 0.0, 1.0)
yarn_theta = (1 - gamma) * theta / s + gamma * theta
assert np.allclose(yarn_theta[r < alpha], theta[r < alpha] / s)    # slow: PI
assert np.allclose(yarn_theta[r > beta], theta[r > beta])          # fast: kept
assert np.all(max_angle(yarn_theta, L_new)[slow] <= L * theta[slow])
assert (np.sum(r > beta), np.sum(r < alpha)) == (17, 23)
print(f"YaRN: {np.sum(r > beta)} pairs kept, {np.sum(r < alpha)} interpolated"
      f" fully, {np.sum((r >= alpha) & (r <= beta))} in between")
scale = (0.1 * np.log(s) + 1) ** 2       # logits multiplied by 1/t
print(f"YaRN attention scaling for s = {s:.0f}: logits x {scale:.4f}")
assert np.isclose(scale, 1.2965, atol=1e-4)
