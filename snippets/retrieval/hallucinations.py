"""Two computable sides of hallucination: binary grading rewards guessing over
abstaining, and facts seen once in training predict how much is never learned."""

import numpy as np

rng = np.random.default_rng(0)

# 1. A model answers 10,000 questions; its confidence p is calibrated
# (it is right with probability p). Score: +1 right, -penalty wrong, 0 abstain.
p = rng.beta(2, 2, size=10_000)
correct = rng.random(10_000) < p


def run(threshold, penalty):
    answer = p > threshold
    wrong = answer & ~correct
    score = (answer & correct).sum() - penalty * wrong.sum()
    return score / len(p), answer.mean(), wrong.sum() / len(p)


print("grading              threshold  score/question  answered  wrong answers")
results = {}
for penalty, thresholds in ((0.0, (0.0, 0.5)), (3.0, (0.0, 0.75))):
    for threshold in thresholds:
        s, cov, err = run(threshold, penalty)
        results[penalty, threshold] = s
        print(f"right +1, wrong -{penalty:.0f}      {threshold:4.2f}     {s:8.3f}"
              f"        {cov:6.1%}   {err:6.1%}")
# With 0/1 grading, answering everything is optimal: abstaining never scores.
assert all(run(t, 0.0)[0] <= run(0.0, 0.0)[0] for t in np.linspace(0, 1, 21))
# With a penalty of 3 per wrong answer, the best policy answers only when p > 3/4.
best_t = max(np.linspace(0, 1, 101), key=lambda t: run(t, 3.0)[0])
print(f"best threshold for penalty 3: {best_t:.2f} (theory 0.75)")
assert abs(best_t - 0.75) <= 0.05
assert results[3.0, 0.75] > results[3.0, 0.0]

# 2. Facts in a training corpus follow a long tail. The share of facts seen exactly
# once (Good-Turing) estimates the probability that a new question is about a fact
# that training never showed, which no model can answer from memory.
n_facts = 200_000
weights = 1.0 / np.arange(1, n_facts + 1) ** 1.1  # Zipf-like popularity
weights /= weights.sum()
train = rng.choice(n_facts, size=300_000, p=weights)
counts = np.bincount(train, minlength=n_facts)
singleton_rate = (counts == 1).sum() / len(train)
unseen_mass = weights[counts == 0].sum()
print(f"facts seen once / training mentions = {singleton_rate:.3f};"
      f" true probability a new question asks an unseen fact = {unseen_mass:.3f}")
assert abs(singleton_rate - unseen_mass) < 0.01
