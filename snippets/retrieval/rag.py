"""RAG plumbing that can be checked: overlapping chunks keep short facts whole, what
retrieval saves against putting the whole corpus in the prompt, and how the RAG paper's
two models marginalise over retrieved passages."""

import itertools
import math


def chunk(n_tokens, size, overlap):
    """(start, end) token ranges of fixed-size chunks with the given overlap."""
    stride = size - overlap
    starts = range(0, max(n_tokens - overlap, 1), stride)
    return [(s, min(s + size, n_tokens)) for s in starts]


def longest_always_whole(n_tokens, size, overlap):
    """Largest L such that every span of L tokens lies inside at least one chunk."""
    chunks = chunk(n_tokens, size, overlap)
    for length in range(1, size + 1):
        for start in range(n_tokens - length + 1):
            if not any(a <= start and start + length <= b for a, b in chunks):
                return length - 1
    return size


n, size = 1000, 256
assert chunk(n, size, 0)[-1][1] == n and chunk(n, size, 64)[-1][1] == n  # full coverage
for overlap in (0, 32, 64):
    whole = longest_always_whole(n, size, overlap)
    n_chunks = len(chunk(n, size, overlap))
    print(f"chunk 256, overlap {overlap:2d}: {n_chunks} chunks, every span of up to"
          f" {whole} tokens is inside one chunk")
    # A span stays whole exactly when it is at most overlap + 1 tokens long.
    assert whole == overlap + 1

# Tokens sent to the model per question: the whole corpus versus top-k chunks.
corpus_tokens, k, question_tokens = 2_000_000, 5, 50
rag_tokens = k * size + question_tokens
print(f"whole corpus in the prompt: {corpus_tokens:,} tokens (no 128k window holds it);"
      f" RAG with top-{k} chunks: {rag_tokens:,} tokens, {corpus_tokens / rag_tokens:.0f}x"
      " fewer")

# RAG-Sequence versus RAG-Token on a two-token answer ("city", "year"). Passage A
# names the city but not the year, passage B the year but not the city.
scores = {"A": 2.0, "B": 1.6}  # retriever scores q(x) . d(z) of the top-2 passages
norm = sum(math.exp(v) for v in scores.values())
p_z = {z: math.exp(v) / norm for z, v in scores.items()}  # softmax over the top k
slots = [("Paris", "Lyon"), ("1889", "1925")]
# Generator p(token | x, z) for each slot (kept independent of the prefix for brevity).
gen = {"A": [{"Paris": 0.9, "Lyon": 0.1}, {"1889": 0.5, "1925": 0.5}],
       "B": [{"Paris": 0.5, "Lyon": 0.5}, {"1889": 0.9, "1925": 0.1}]}


def rag_sequence(answer):
    """One passage for the whole answer: sum_z p(z|x) prod_i p(y_i | x, z)."""
    return sum(p_z[z] * math.prod(gen[z][i][t] for i, t in enumerate(answer)) for z in p_z)


def rag_token(answer):
    """A fresh mixture over passages at every token: prod_i sum_z p(z|x) p(y_i | x, z)."""
    return math.prod(sum(p_z[z] * gen[z][i][t] for z in p_z) for i, t in enumerate(answer))


answers = list(itertools.product(*slots))
for model in (rag_sequence, rag_token):
    assert abs(sum(model(a) for a in answers) - 1.0) < 1e-12  # both are distributions
seq, tok = rag_sequence(("Paris", "1889")), rag_token(("Paris", "1889"))
print(f"p(Paris 1889): RAG-Sequence {seq:.3f}, RAG-Token {tok:.3f}")
# An answer whose parts come from different passages: RAG-Token can take the city
# from A and the year from B, RAG-Sequence must explain both with one passage.
assert tok > seq
assert max(answers, key=rag_token) == ("Paris", "1889")

