"""The page format, declared once: levels, sections, front-matter fields.

The model (`dlqa.model`) validates pages against it; the generated pages, the study pages'
controls and the data the study script reads (`dlqa.study`, `dlqa.pages`) are made from it;
the section headings of every question page carry their practice-mode label from it; the
tests read it. Change a level or a section here and the site follows.
"""

from __future__ import annotations

from dataclasses import dataclass

# Level id -> how readers see it; in order from first to last.
LEVELS: dict[str, str] = {
    "beginner": "Beginner",
    "intermediate": "Intermediate",
    "advanced": "Advanced",
}


@dataclass(frozen=True)
class Section:
    heading: str  # the `## ` heading a page writes
    required: bool
    label: str  # what practice mode's button shows: "Show <label>"


# The sections of a question page, in the order a page must have them.
SECTIONS: tuple[Section, ...] = (
    Section("Short answer", True, "answer"),
    Section("Explanation", True, "explanation"),
    Section("Code", False, "code"),
    Section("Common mistakes", True, "common mistakes"),
    Section("Follow-up questions", True, "follow-up questions"),
)

# Front-matter field -> what it holds (CONTRIBUTING.md explains each with an example).
FIELDS: dict[str, str] = {
    "id": "the file name without .md; unique across the site",
    "title": "the canonical question",
    "aliases": "every other phrasing of the same question",
    "level": "one of the LEVELS",
    "tags": "tags from data/tags.yaml",
    "sources": "seed refs this page answers",
    "related": "ids of other questions the follow-ups do not link",
    "distinct": "ids of similar-looking pages that are different questions",
}


def level_label(level: str) -> str:
    return LEVELS[level]


def section_labels() -> dict[str, str]:
    """Section heading -> practice-mode label."""
    return {s.heading: s.label for s in SECTIONS}
