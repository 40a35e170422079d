"""The study modes in a real browser, offline: practice mode, random question, mock interview.

Pages are opened from file:// with every other request blocked (the `offline` fixture fails a
test that let one through); script errors on the page fail the test too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dlqa.browser import block_network
from tests.conftest import open_page

pytestmark = pytest.mark.browser


@pytest.fixture
def study(offline):
    """`offline`, also failing the test on any uncaught script error in the page."""
    page, blocked = offline
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, blocked
    assert errors == [], errors


@pytest.fixture(scope="module")
def questions(site) -> list[dict]:
    return json.loads((site / "questions.json").read_text(encoding="utf-8"))


def _rel(site: Path, url: str) -> str:
    """A file:// URL of the built site as a site-relative path."""
    return Path(url.split("#")[0].removeprefix("file://")).relative_to(site.resolve()).as_posix()


def _hidden_sections(page) -> list[str]:
    return page.eval_on_selector_all(".dlqa-answer[hidden]", "els => els.map(e => e.id)")


def test_practice_mode_hides_answers_reveals_them_and_persists(study, site):
    page, _ = study
    open_page(page, site, "activations/softmax.html")
    short = page.get_by_text("Softmax maps a vector")
    assert short.is_visible() and page.locator(".dlqa-show").count() == 0

    toggle = page.locator(".dlqa-practice-toggle")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    assert not short.is_visible()
    assert _hidden_sections(page) == [
        "dlqa-section-short-answer", "dlqa-section-explanation", "dlqa-section-code",
        "dlqa-section-common-mistakes", "dlqa-section-follow-up-questions"]
    assert page.locator(".dlqa-sources").is_visible(), "the footer stays visible"

    # Keyboard: focus the first "Show answer" button and press Enter.
    show = page.get_by_role("button", name="Show answer")
    assert show.get_attribute("aria-controls") == "dlqa-section-short-answer"
    show.focus()
    page.keyboard.press("Enter")
    assert short.is_visible()
    hide = page.get_by_role("button", name="Hide answer")
    assert hide.get_attribute("aria-expanded") == "true"
    assert "dlqa-section-short-answer" not in _hidden_sections(page)
    assert len(_hidden_sections(page)) == 4

    # A table-of-contents link reveals its section.
    page.locator(".md-sidebar--secondary a[href='#common-mistakes']").click()
    assert "dlqa-section-common-mistakes" not in _hidden_sections(page)
    assert len(_hidden_sections(page)) == 3

    # The setting follows the reader to the next page; a link to a section there shows it.
    page.goto((site / "training" / "batch-normalisation.html").resolve().as_uri()
              + "#explanation")
    page.wait_for_load_state("load")
    assert page.locator(".dlqa-practice-toggle").get_attribute("aria-pressed") == "true"
    hidden = _hidden_sections(page)
    assert "dlqa-section-short-answer" in hidden and len(hidden) >= 3
    assert "dlqa-section-explanation" not in hidden
    page.get_by_role("button", name="Hide explanation").click()
    hidden = _hidden_sections(page)
    assert "dlqa-section-explanation" in hidden
    page.get_by_role("button", name="Reveal all").click()
    assert _hidden_sections(page) == []
    assert page.locator(".dlqa-answer").count() == len(hidden)
    page.get_by_role("button", name="Hide all").click()
    assert len(_hidden_sections(page)) == len(hidden)

    # Turned off, the page is whole again and the buttons are gone.
    page.locator(".dlqa-practice-toggle").click()
    assert _hidden_sections(page) == []
    assert page.locator(".dlqa-show:visible, .dlqa-practice-bar:visible").count() == 0


def test_topic_page_in_practice_mode_shows_each_short_answer(study, site, questions):
    page, _ = study
    open_page(page, site, "activations/index.html")
    page.locator(".dlqa-practice-toggle").click()
    expected = {q["id"] for q in questions if q["topic"] == "activations"}
    buttons = page.locator("article li .dlqa-show")
    assert buttons.count() == len(expected)
    panel = page.locator("#dlqa-short-softmax")
    assert panel.is_hidden()
    softmax = page.locator("li:has(> a[data-dlqa-id='softmax']) .dlqa-show")
    title = page.inner_text("a[data-dlqa-id='softmax']")
    softmax.click()
    assert panel.is_visible()
    assert softmax.get_attribute("aria-label") == f"Hide answer: {title}"
    assert "Softmax maps a vector" in panel.inner_text()
    assert panel.locator(".katex").count() > 0, "math arrives rendered"

    page.get_by_role("button", name="Reveal all").click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.dlqa-short-answer')]"
        ".every(p => !p.hidden && !p.textContent.includes('Loading'))")
    shown = page.eval_on_selector_all(".dlqa-short-answer", "els => els.map(e => e.dataset.dlqaFor)")
    assert set(shown) == expected


def test_random_question_honours_level_and_topic(study, site, questions):
    page, _ = study
    level, topic = "advanced", "cnn"
    expected = {q["url"] for q in questions if q["level"] == level and q["topic"] == topic}
    assert len(expected) >= 2, "pick a level and topic with several questions"
    for _ in range(4):
        open_page(page, site, "study/index.html")
        page.wait_for_selector("#dlqa-random:not([hidden])")
        page.select_option("#dlqa-random-level", level)
        page.select_option("#dlqa-random-topic", topic)
        with page.expect_navigation():
            page.get_by_role("button", name="Open a random question").click()
        rel = _rel(site, page.url)
        assert rel in expected, rel
        assert page.locator(".dlqa-meta strong").inner_text() == level.capitalize()

    # The header's button: any question, never the page being read.
    with page.expect_navigation():
        page.get_by_role("button", name="Random question").click()
    assert _rel(site, page.url) in {q["url"] for q in questions} - {rel}


def test_mock_interview_of_three_questions_to_the_summary(study, site, questions):
    page, _ = study
    by_title = {q["title"]: q for q in questions}
    open_page(page, site, "study/mock-interview.html")
    page.wait_for_selector("#dlqa-mock-setup:not([hidden])")
    for level in ("beginner", "intermediate", "advanced"):
        page.get_by_label(level.capitalize(), exact=True).fill("1")
    assert page.inner_text("#dlqa-mock-total") == "3 questions"
    page.get_by_role("button", name="Start the interview").click()

    dealt = []
    for number, knew in enumerate([True, False, True], start=1):
        if number == 3:  # a reload mid-interview carries on where it was
            page.reload()
            page.wait_for_selector("#dlqa-mock:not([hidden])")
        progress = page.inner_text(".dlqa-mock-progress")
        assert progress.startswith(f"Question {number} of 3"), progress
        question = by_title[page.inner_text("#dlqa-mock-question")]
        dealt.append(question)
        answer = page.locator("#dlqa-mock-answer")
        assert answer.is_hidden()
        page.get_by_role("button", name="Show answer").click()
        assert answer.is_visible()
        full = answer.get_by_role("link", name="Read the full answer")
        full.wait_for()
        assert _rel(site, full.get_attribute("href")) == question["url"]
        assert len(answer.inner_text()) > len("Read the full answer") + 40
        page.get_by_role("button", name="I knew it" if knew else "Not yet").click()

    assert sorted(q["level"] for q in dealt) == ["advanced", "beginner", "intermediate"]
    assert len({q["id"] for q in dealt}) == 3
    assert page.inner_text("#dlqa-mock-score") == "You knew 2 of 3 questions."
    not_yet = page.locator(".dlqa-mock-not-yet-list a")
    assert not_yet.all_inner_texts() == [dealt[1]["title"]]
    assert _rel(site, not_yet.first.get_attribute("href")) == dealt[1]["url"]
    assert page.locator(".dlqa-mock-known-list a").all_inner_texts() == [
        dealt[0]["title"], dealt[2]["title"]]

    page.get_by_role("button", name="Start again").click()
    assert page.locator("#dlqa-mock-setup").is_visible()
    assert page.locator("#dlqa-mock").is_hidden()


def test_without_javascript_every_answer_is_on_the_page(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    blocked: list[str] = []
    block_network(page, blocked)
    try:
        open_page(page, site, "activations/softmax.html")
        assert page.get_by_text("Softmax maps a vector").is_visible()
        assert page.locator(".dlqa-practice-toggle, .dlqa-show").count() == 0
        for rel in ("study/index.html", "study/mock-interview.html"):
            open_page(page, site, rel)
            note = page.locator(".dlqa-needs-js")
            assert note.is_visible() and "JavaScript" in note.inner_text()
            assert page.locator("form.dlqa-form").first.is_hidden()
    finally:
        context.close()
    assert blocked == [], f"requests left the site: {blocked}"
