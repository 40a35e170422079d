"""The `dlqa` command: find similar questions, scaffold a page, check the content, export."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from dlqa import dedup, pageformat
from dlqa.catalogue import Catalogue, load_catalogue, question_files
from dlqa.errors import ContentError, ContentErrors
from dlqa.model import PLACEHOLDER, Question
from dlqa.repo import Repo
from dlqa.search import evaluate
from dlqa.search.entries import catalogue_index
from dlqa.search.rank import Ranker
from dlqa.search.site import INDEX
from dlqa.snippets import run_page_snippets

_LEVEL = re.compile(r"^(WARNING|ERROR)\s+-\s+")
_SLUG_STOP = frozenset([
    "a", "an", "the", "is", "are", "what", "how", "why", "do", "does", "of", "in",
    "to", "and", "or", "for", "you",
])


def slugify(question: str, max_words: int = 6) -> str:
    """A page id from a question: its first meaningful words, lower case, joined by '-'."""
    words = [w for w in re.findall(r"[a-z0-9]+", question.lower()) if w not in _SLUG_STOP]
    return "-".join(words[:max_words]) or "question"


def _catalogue_and_phrasings(repo: Repo) -> tuple[Catalogue, dict[str, list[str]]]:
    """The catalogue (unchecked: `similar` and `new` must work on a broken checkout too) and
    each question's title and aliases."""
    catalogue = load_catalogue(repo, check=False)
    return catalogue, {q.id: q.phrasings for q in catalogue.questions}


def _nearest(text: str, catalogue: Catalogue, top: int) -> list[tuple[Question, float, dedup.Match]]:
    """The pages site search would show for `text`, best first: (page, search score, the
    duplicate check's best match of `text` with the page's phrasings)."""
    urls = catalogue.repo.directory_urls
    ranker = Ranker(catalogue_index(catalogue, urls))
    by_url = {q.site_url(urls): q for q in catalogue.questions}
    return [(by_url[loc], score, dedup.best_match([text], by_url[loc].phrasings))
            for loc, score in ranker.search(text, top)]


def cmd_similar(args, repo: Repo) -> int:
    catalogue, _ = _catalogue_and_phrasings(repo)
    nearest = _nearest(args.text, catalogue, args.top)
    if args.json:
        print(json.dumps([
            {"id": q.id, "title": q.title, "url": q.site_url(repo.directory_urls),
             "score": round(score, 2), "duplicate": round(m.score, 1), "matched": m.phrasing}
            for q, score, m in nearest
        ], indent=1))
    else:
        print(f"search  duplicate (the build refuses >= {dedup.THRESHOLD:.0f})")
        for q, score, match in nearest:
            print(f"{score:6.1f}  {match.score:5.1f}  {q.file}  {q.title}")
            if match.phrasing != q.title:
                print(f"               (nearest phrasing: {match.phrasing})")
    return 0


def page_template(qid: str, question: str, level: str, snippet: str | None) -> str:
    code = ""
    if snippet:
        figure = f"../figures/{snippet[9:-3]}/NAME.svg"
        code = (f'## Code\n\n```python title="{snippet}"\n--8<-- "{snippet}"\n```\n\n'
                f'Output:\n\n```text\n--8<-- "outputs/{snippet[9:-3]}.txt"\n```\n\n'
                f"<!-- A figure, where one helps: the snippet saves it with "
                f'plt.savefig("NAME.svg") and one line shows it:\n'
                f"![What the figure shows, for a reader who cannot see it.]({figure}) -->\n\n")
    return (
        f"---\nid: {qid}\ntitle: {json.dumps(question)}\naliases: []\nlevel: {level}\n"
        f"tags: []\nsources: []\nrelated: []\n---\n\n"
        f"## Short answer\n\n{PLACEHOLDER} two to four sentences a candidate could say aloud.\n\n"
        f"## Explanation\n\n{PLACEHOLDER} the mechanism, the intuition and the math.\n\n"
        f"{code}"
        f"## Common mistakes\n\n- {PLACEHOLDER} a misconception, and what is right.\n\n"
        f"## Follow-up questions\n\n- {PLACEHOLDER} a linked follow-up question.\n"
    )


def snippet_template(question: str) -> str:
    return (f'"""Checks the claims of: {question}"""\n\nimport numpy as np\n\n'
            f"rng = np.random.default_rng(0)\n# {PLACEHOLDER} compute the claim, assert it, "
            "print a short result.\nraise NotImplementedError\n")


def cmd_new(args, repo: Repo) -> int:
    if args.topic not in repo.topics:
        print(f"error: unknown topic {args.topic!r}; topics: {', '.join(repo.topics)}",
              file=sys.stderr)
        return 2
    catalogue, phrasings = _catalogue_and_phrasings(repo)
    qid = args.id or slugify(args.question)
    for q, _, match in _nearest(args.question, catalogue, 3):
        print(f"similar: {q.id}  (duplicate score {match.score:.0f}: {match.phrasing})")
    # The build's check, over every page, not only the ones search puts first.
    ranked = dedup.rank(args.question, phrasings, 1)
    if ranked and ranked[0][1].score >= dedup.THRESHOLD and not args.force:
        pid, match = ranked[0]
        print(f"error: near-duplicate of {pid!r} (score {match.score:.0f} >= "
              f"{dedup.THRESHOLD:.0f}); add your phrasing to its aliases, or pass --force "
              "if it is a different question", file=sys.stderr)
        return 1
    page = repo.docs_dir / args.topic / f"{qid}.md"
    if any(p.stem == qid for p in question_files(repo)):
        print(f"error: a page with id {qid!r} exists; choose another with --id", file=sys.stderr)
        return 1
    snippet = f"snippets/{args.topic}/{qid}.py" if args.snippet else None
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(page_template(qid, args.question, args.level, snippet), encoding="utf-8")
    repo.add_to_reading_order(args.topic, qid)
    print(f"wrote {repo.rel(page)}, and added {qid!r} to the end of topic {args.topic!r}'s "
          "reading order in data/topics.yaml (move it to where a reader should meet it)")
    if snippet:
        path = repo.root / snippet
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(snippet_template(args.question), encoding="utf-8")
        print(f"wrote {snippet}")
    print(f"next: replace every {PLACEHOLDER}, add tags and sources, then run `dlqa check`")
    return 0


def build_problems(repo: Repo) -> list[str]:
    """The warnings and errors of a strict build into a throw-away folder: the checks that
    need rendered pages (LaTeX, links, anchors), reported exactly as `make build` does."""
    with tempfile.TemporaryDirectory(prefix="dlqa-check-") as site:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site],
            cwd=repo.root, capture_output=True, text=True, check=False,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    if result.returncode == 0:
        return []
    lines = [_LEVEL.sub("", line) for line in result.stderr.splitlines()
             if _LEVEL.match(line) and "Aborted with" not in line]
    return lines or [result.stderr.strip()[-2000:]]


def check(repo: Repo, run: bool = True) -> list[ContentError]:
    """The page and snippet problems `dlqa check` reports (the build fails on the same ones)."""
    try:
        catalogue = load_catalogue(repo)
    except ContentErrors as exc:
        return exc.errors
    errors = []
    owned = {s for q in catalogue.questions for s in q.snippets}
    for path in sorted(repo.snippets_dir.rglob("*.py")):
        if repo.rel(path) not in owned:
            errors.append(ContentError(repo.rel(path), "no page includes this snippet; "
                                       "include it in its page or delete it"))
    if run and not errors:
        errors.extend(run_page_snippets(catalogue)[1])
    return errors


def cmd_check(args, repo: Repo) -> int:
    errors: list = check(repo, run=not args.no_run)
    if not errors and not args.no_run:
        errors = build_problems(repo)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    if not errors:
        print(f"ok: {len(question_files(repo))} questions checked")
    return 1 if errors else 0


def cmd_import_seeds(args, repo: Repo) -> int:
    from dlqa.seeds import import_seed_lists

    for path in import_seed_lists(Path(args.tsv), Path(args.sources_md),
                                  repo.data_dir / "sources"):
        print(f"wrote {repo.rel(path)}")
    return 0


def cmd_pdf(args, repo: Repo) -> int:
    from dlqa.pdf import export_pdf

    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"error: {site} has no built site; run `make build` first", file=sys.stderr)
        return 2
    try:
        catalogue = load_catalogue(repo)
        report = export_pdf(catalogue, site, Path(args.out), repo.config)
    except ContentErrors as exc:
        for error in exc.errors:
            print(f"error: {error}", file=sys.stderr)
        return 1
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if report["blocked"]:
        print(f"error: the PDF's pages asked the network for {report['blocked'][:3]}",
              file=sys.stderr)
        return 1
    return 0


def cmd_anki(args, repo: Repo) -> int:
    from dlqa.anki import export
    from dlqa.shortanswer import render

    try:
        catalogue = load_catalogue(repo)
    except ContentErrors as exc:
        for error in exc.errors:
            print(f"error: {error}", file=sys.stderr)
        return 1
    base_url = args.site_url or repo.site_url
    try:
        notes = export(catalogue, render(catalogue), base_url, Path(args.out))
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {args.out}: {notes} notes linking to {base_url}")
    return 0


def cmd_search_quality(args, repo: Repo) -> int:
    catalogue = load_catalogue(repo, check=False)
    site = Path(args.site)
    if not (site / INDEX).is_file():
        print(f"{site} has no search index: run `make build` first", file=sys.stderr)
        return 2
    for ranking, splits in evaluate.report(catalogue, site, args.browser).items():
        for split in ("dev", "test"):
            print(f"{ranking:8} {split:5} {splits[split]}")
    return 0


def cmd_serve(args, repo: Repo) -> int:
    from dlqa.devserver import serve

    serve(repo.root, args.dev_addr)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the `dlqa` command with `argv` (default: the process arguments); return its exit
    status: 0 on success, 1 when the content has problems, 2 on a usage error."""
    parser = argparse.ArgumentParser(prog="dlqa", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("similar", help="list the existing questions nearest to TEXT")
    p.add_argument("text")
    p.add_argument("--top", type=int, default=5)
    p.add_argument("--json", action="store_true", help="print a JSON list")
    p.set_defaults(func=cmd_similar)
    p = sub.add_parser("search-quality", help="hit@k and MRR of site search and `similar` on "
                                               "the held-out queries of data/search-eval/")
    p.add_argument("--site", default="site", help="the built site (default: site)")
    p.add_argument("--browser", action="store_true",
                   help="also type every query into the offline site in Chromium (minutes)")
    p.set_defaults(func=cmd_search_quality)
    p = sub.add_parser("new", help="scaffold a question page (refuses near-duplicates)")
    p.add_argument("question")
    p.add_argument("--topic", required=True)
    p.add_argument("--level", default="intermediate",
                   choices=list(pageformat.LEVELS))
    p.add_argument("--id", help="page id (default: from the question)")
    p.add_argument("--snippet", action="store_true", help="also scaffold a snippet")
    p.add_argument("--force", action="store_true", help="write even if near-duplicate")
    p.set_defaults(func=cmd_new)
    p = sub.add_parser("check", help="validate every page, run every snippet, then try a "
                                      "strict build into a throw-away folder")
    p.add_argument("--no-run", action="store_true",
                   help="only the page checks: no snippets, no build")
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("import-seeds", help="import a seed question list into data/sources/")
    p.add_argument("tsv")
    p.add_argument("sources_md")
    p.set_defaults(func=cmd_import_seeds)
    p = sub.add_parser("pdf", help="print the built site to one PDF with Chromium")
    p.add_argument("--site", default="site", help="the built site (default: site)")
    p.add_argument("--out", default="dist/dlqa.pdf")
    p.set_defaults(func=cmd_pdf)
    p = sub.add_parser("anki", help="write the Anki deck of every question's short answer")
    p.add_argument("--out", default="dist/dlqa.apkg")
    p.add_argument("--site-url", help="base of the page links (default: site_url in mkdocs.yml)")
    p.set_defaults(func=cmd_anki)
    p = sub.add_parser("serve", help="serve the site and rebuild only what each save "
                                      "changes (what `make serve` runs)")
    p.add_argument("--dev-addr", default="127.0.0.1:8000", help="HOST:PORT to serve on")
    p.set_defaults(func=cmd_serve)
    args = parser.parse_args(argv)
    try:
        repo = Repo.find()
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return args.func(args, repo)


if __name__ == "__main__":
    sys.exit(main())
