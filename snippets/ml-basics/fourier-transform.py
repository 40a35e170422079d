"""DFT from its definition, frequency peaks, Parseval and the convolution theorem."""

import numpy as np

N = 64  # samples over one second, so bin k is k Hz
t = np.arange(N) / N
x = 3 * np.sin(2 * np.pi * 5 * t) + np.cos(2 * np.pi * 12 * t)

n = np.arange(N)
F = np.exp(-2j * np.pi * np.outer(n, n) / N)  # DFT matrix
X = F @ x
assert np.allclose(X, np.fft.fft(x))

mag = np.abs(X[: N // 2])
peaks = np.flatnonzero(mag > 1e-6).tolist()
print("nonzero bins (Hz):", peaks, " magnitudes:", mag[peaks].round(3).tolist())
assert peaks == [5, 12] and np.allclose(mag[peaks], [3 * N / 2, N / 2])

energy_t, energy_f = np.sum(x**2), np.sum(np.abs(X) ** 2) / N
print(f"Parseval: sum x^2 = {energy_t:.3f}, sum |X|^2 / N = {energy_f:.3f}")
assert np.isclose(energy_t, energy_f)

# Convolution theorem: circular convolution = pointwise product of spectra.
rng = np.random.default_rng(0)
a, h = rng.normal(size=N), rng.normal(size=N)
circ = np.array([sum(a[m] * h[(i - m) % N] for m in range(N)) for i in range(N)])
assert np.allclose(circ, np.fft.ifft(np.fft.fft(a) * np.fft.fft(h)).real)

# Linear convolution needs zero padding to length N + K - 1.
k = rng.normal(size=5)
L = N + k.size - 1
lin = np.fft.ifft(np.fft.fft(a, L) * np.fft.fft(k, L)).real
assert np.allclose(lin, np.convolve(a, k))
print("circular and zero-padded linear convolution via FFT: match")

M = 4096
print(
    f"N = {M}: direct DFT ~N^2 = {M * M:,} products; FFT ~N log2 N = "
    f"{M * int(np.log2(M)):,}"
)
