"""Search: how a reader's query finds the question that answers it (issue #22).

- `text`: words as search sees them (tokens, stop words, stems); shared by every part.
- `glossary`: data/glossary.yaml, the abbreviations and synonyms search expands, and the
  glossary page readers see.
- `terms`: data/search-terms.yaml, each page's words in other words than its title.
- `entries`: what search knows of each page, built from the catalogue, and the site's index.
- `rank`: the ranking, in Python (`dlqa similar`, `dlqa new`, the evaluation); `worker.js`
  is the same ranking for the site, run in the reader's browser by Material's search UI.
- `node`: runs worker.js in Node, to measure and to test that the two rankings agree.
- `evaluate`: hit@k and MRR on the frozen held-out queries of data/search-eval/.
"""
