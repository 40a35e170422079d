"""Grammar-constrained decoding: mask invalid tokens, renormalise, and every output parses."""

import re

import numpy as np

rng = np.random.default_rng(0)

# Target format: {"a":<digits>} or {"b":<digits>}, as a character-level DFA.
SCHEMA = re.compile(r'\{"[ab]":[0-9]+\}')
DEAD = -1


def step(state, ch):
    """DFA transition on one character; states 0..7, 6 accepts, 7 = inside the digits."""
    if state == 0:
        return 1 if ch == "{" else DEAD
    if state == 1:
        return 2 if ch == '"' else DEAD
    if state == 2:
        return 3 if ch in "ab" else DEAD
    if state == 3:
        return 4 if ch == '"' else DEAD
    if state == 4:
        return 5 if ch == ":" else DEAD
    if state in (5, 7):
        if ch.isdigit():
            return 7
        return 6 if ch == "}" and state == 7 else DEAD
    return DEAD


ACCEPT = {6}
N_STATES = 8

# Tokens span several grammar symbols, as real subword tokens do.
VOCAB = ['{', '{"', '"', 'a', 'b', '"a"', '":', ':', '1', '2', '12', '0', '}', '"}',
         'x', ' ', 'null', '<eos>']
EOS = VOCAB.index("<eos>")
V = len(VOCAB)


def walk(state, token):
    for ch in token:
        state = step(state, ch)
        if state == DEAD:
            return DEAD
    return state


# Precompute, per DFA state, which tokens keep the output completable (Outlines-style index).
MASK = np.zeros((N_STATES, V), dtype=bool)
NEXT = np.full((N_STATES, V), DEAD)
for s in range(N_STATES):
    for t, tok in enumerate(VOCAB):
        if t == EOS:
            MASK[s, t] = s in ACCEPT
        else:
            NEXT[s, t] = walk(s, tok)
            MASK[s, t] = NEXT[s, t] != DEAD   # valid because every live state can still accept


def can_accept(state, seen=()):
    if state in ACCEPT:
        return True
    nxt = {walk(state, ch) for ch in '{}":ab0123456789x '} - {DEAD, state, *seen}
    return any(can_accept(n, (*seen, state)) for n in nxt)


assert all(can_accept(s) for s in range(N_STATES))
# Every state the decoder can reach has some allowed token, so it never gets stuck.
assert all(MASK[s].any() for s in range(N_STATES))

# A toy "language model": next-token logits depend on the previous token (a bigram table).
LOGITS = rng.normal(0, 2, size=(V + 1, V))     # row V = start of sequence


def masked_probs(prev, state):
    z = np.where(MASK[state], LOGITS[prev], -np.inf)
    p = np.exp(z - z.max())
    return p / p.sum()


def generate(constrained, max_tokens=30):
    prev, state, out = V, 0, []
    for _ in range(max_tokens):
        if constrained:
            p = masked_probs(prev, state)
        else:
            p = np.exp(LOGITS[prev] - LOGITS[prev].max())
            p /= p.sum()
        t = int(rng.choice(V, p=p))
        if t == EOS:
            break
        out.append(VOCAB[t])
        state = NEXT[state, t] if constrained else state
        prev = t
    return "".join(out)


# The masked step is the model's distribution restricted to allowed tokens, renormalised.
p_full = np.exp(LOGITS[V]) / np.exp(LOGITS[V]).sum()
allowed = MASK[0]
assert np.allclose(masked_probs(V, 0), np.where(allowed, p_full, 0) / p_full[allowed].sum())
print("tokens allowed at the start:", [VOCAB[t] for t in np.flatnonzero(allowed)])

free = [generate(False) for _ in range(1000)]
guided = [generate(True, max_tokens=200) for _ in range(1000)]
ok_free = sum(bool(SCHEMA.fullmatch(s)) for s in free)
ok_guided = sum(bool(SCHEMA.fullmatch(s)) for s in guided)
assert ok_guided == 1000 and ok_free < 50
print(f"parse as the schema: unconstrained {ok_free}/1000, constrained {ok_guided}/1000")
print("constrained samples:", guided[:4])

# Masking per step is NOT the model's distribution conditioned on producing valid output.
# Two tokens A, B, two steps; the grammar forbids only the string "AB".
p1 = {"A": 0.9, "B": 0.1}
p2 = {"A": {"A": 0.01, "B": 0.99}, "B": {"A": 0.5, "B": 0.5}}
valid = ["AA", "BA", "BB"]
joint = {s: p1[s[0]] * p2[s[0]][s[1]] for s in valid}
conditional = {s: joint[s] / sum(joint.values()) for s in valid}
masked = {"AA": p1["A"] * 1.0,                       # after A only A is allowed
          "BA": p1["B"] * p2["B"]["A"], "BB": p1["B"] * p2["B"]["B"]}
assert np.isclose(sum(masked.values()), 1.0)
assert np.isclose(masked["AA"], 0.9) and np.isclose(conditional["AA"], 0.009 / 0.109)
print("P(AA): per-step masking", round(masked["AA"], 3),
      " vs model conditioned on validity", round(conditional["AA"], 3))
