"""Data for the study modes (practice mode, random question, mock interview).

The browser script `docs/javascripts/study.js` reads two kinds of generated script files, loaded
with `<script>` elements because a page opened from file:// cannot fetch() local files:

- `assets/dlqa/catalogue.js`: every question's id, title, url, topic and level, and the topics;
- `assets/dlqa/answers/<topic>.js`: each question's short answer as its page renders it
  (`dlqa.shortanswer`, captured by the build) with the math rendered, one file per topic so a
  page loads only the answers it shows.

URLs in both are relative to the site root; the script resolves them against it.
"""

from __future__ import annotations

import json
from pathlib import Path

from dlqa import pageformat
from dlqa.catalogue import Catalogue

CATALOGUE_JS = "assets/dlqa/catalogue.js"
ANSWERS_DIR = "assets/dlqa/answers"


def _js_assign(name: str, data: object) -> str:
    return f"window.{name}={json.dumps(data, ensure_ascii=False, separators=(',', ':'))};\n"


def catalogue_data(catalogue: Catalogue, directory_urls: bool) -> dict:
    """The levels, the topics in navigation order, and one small record per question."""
    return {
        "levels": [{"id": level, "label": label} for level, label in pageformat.LEVELS.items()],
        "topics": [{"id": t.id, "title": t.title} for t in catalogue.repo.topics.values()],
        "questions": [
            {"id": q.id, "title": q.title, "url": q.site_url(directory_urls),
             "topic": q.topic, "level": q.level}
            for q in catalogue.questions
        ],
    }


def catalogue_js(catalogue: Catalogue, directory_urls: bool) -> str:
    """The text of `assets/dlqa/catalogue.js`: sets `window.dlqaCatalogue`."""
    return _js_assign("dlqaCatalogue", catalogue_data(catalogue, directory_urls))


def answer_scripts(answers: dict[str, str], catalogue: Catalogue) -> dict[str, str]:
    """Site-relative path -> text of each topic's answers script.

    Each script adds its questions' short answers to `window.dlqaAnswers` (id -> HTML).
    """
    by_topic: dict[str, dict[str, str]] = {topic: {} for topic in catalogue.repo.topics}
    for q in catalogue.questions:
        if q.id in answers:
            by_topic[q.topic][q.id] = answers[q.id]
    return {
        f"{ANSWERS_DIR}/{topic}.js":
            "window.dlqaAnswers=Object.assign(window.dlqaAnswers||{},"
            f"{json.dumps(chosen, ensure_ascii=False, separators=(',', ':'))});\n"
        for topic, chosen in by_topic.items()
    }


def write_answer_scripts(site_dir: Path, answers: dict[str, str], catalogue: Catalogue) -> None:
    for rel, text in answer_scripts(answers, catalogue).items():
        path = site_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
