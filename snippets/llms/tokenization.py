"""Word, character and subword tokenization of the same text: length and unknowns."""

TRAIN = "the cat sat on the mat . the dog sat on the log ."
TEST = "the unhappy dogs sat on the mats ."

# Word level: the vocabulary is every training word; anything else is <unk>.
word_vocab = sorted(set(TRAIN.split()))


def word_tokens(text):
    return [w if w in word_vocab else "<unk>" for w in text.split()]


# Character level: the vocabulary is every character (here lowercase, space, '.').
char_vocab = sorted(set("abcdefghijklmnopqrstuvwxyz ."))


def char_tokens(text):
    return list(text)


# Subword level: single characters plus frequent pieces (a leading space belongs
# to the piece, as in GPT-2); text is split greedily into the longest matching
# piece, so no word is ever unknown.
pieces = {"the", " the", " cat", " dog", " sat", " on", " mat", " un", "happ", " ."}
sub_vocab = sorted(set(char_vocab) | pieces)
assert len(sub_vocab) == len(char_vocab) + 10  # 10 multi-character pieces


def subword_tokens(text):
    out, i = [], 0
    while i < len(text):
        j = max(k for k in range(i + 1, len(text) + 1) if text[i:k] in sub_vocab)
        out.append(text[i:j])
        i = j
    return out


results = {}
for name, fn, vocab in [
    ("word", word_tokens, word_vocab),
    ("character", char_tokens, char_vocab),
    ("subword", subword_tokens, sub_vocab),
]:
    toks = fn(TEST)
    results[name] = toks
    print(f"{name:9s}: vocab {len(vocab):2d}, {len(toks):2d} tokens, "
          f"{toks.count('<unk>')} unknown")
print("subword pieces:", results["subword"])

# Words outside the training vocabulary become <unk>: information is lost.
assert results["word"].count("<unk>") == 3
# Characters and subwords never lose information: joining gives the text back.
assert "".join(results["character"]) == TEST
assert "".join(results["subword"]) == TEST
# Subwords sit in between: far shorter than characters, no unknowns.
n_word, n_sub, n_char = (len(results[k]) for k in ("word", "subword", "character"))
assert n_word < n_sub < n_char
assert (n_word, n_sub, n_char) == (8, 12, 34)
assert "<unk>" not in results["subword"]
# The unseen word "unhappy" is built from known pieces.
assert subword_tokens(" unhappy") == [" un", "happ", "y"]
