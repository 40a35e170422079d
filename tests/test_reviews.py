"""The review record: every page has an independent review, and the page shows its date."""

from __future__ import annotations

from dlqa.catalogue import load_catalogue
from dlqa.reviews import COLUMNS, last_reviewed, load_reviews


def test_every_page_has_a_recorded_review(repo):
    reviewed = last_reviewed(load_reviews(repo.root / "reviews", repo.root))
    pages = {f"{q.topic}/{q.id}" for q in load_catalogue(repo, check=False).questions}
    assert sorted(pages - set(reviewed)) == [], "pages without a review in reviews/*.tsv"


def test_every_review_names_a_page_and_what_was_checked(repo):
    pages = {f"{q.topic}/{q.id}" for q in load_catalogue(repo, check=False).questions}
    for review in load_reviews(repo.root / "reviews", repo.root):
        assert review.page in pages, f"{review.where}: no page {review.page}"
        assert review.reviewer and review.checked and review.findings, review.where


def test_the_page_shows_its_last_review_date(site, repo):
    reviewed = last_reviewed(load_reviews(repo.root / "reviews", repo.root))
    html = (site / "activations" / "softmax.html").read_text(encoding="utf-8")
    date = reviewed["activations/softmax"]
    assert f'last reviewed <time datetime="{date}">{date}</time>' in html


def test_a_malformed_review_line_fails_the_build_naming_it(scratch):
    (scratch.root / "reviews").mkdir()
    (scratch.root / "reviews" / "round.tsv").write_text(
        "\t".join(COLUMNS) + "\nfundamentals/tensor\tyesterday\tme\tall\tnone\t-\n")
    for result in (scratch.dlqa("check", "--no-run"), scratch.build()):
        assert result.returncode != 0
        assert "reviews/round.tsv:2: reviewed 'yesterday' is not a date" in result.stderr
