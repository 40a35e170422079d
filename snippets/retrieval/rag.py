"""RAG plumbing that can be checked: overlapping chunks keep short facts whole, and
what retrieval saves against putting the whole corpus in the prompt."""


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
assert rag_tokens == 1_330 and corpus_tokens > 128_000

