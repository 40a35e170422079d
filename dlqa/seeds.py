"""The seed-question registry: the public question lists the encyclopedia must cover.

Each list is one YAML file in data/sources/ (publisher, title and every question with its
stable ref, number and phrasing). The build, the CLI and the tests read only these files.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from dlqa import yamlio
from dlqa.errors import ContentError


@dataclass(frozen=True)
class SeedQuestion:
    ref: str
    list_id: str  # the seed list it comes from
    number: int
    level: str
    question: str


@dataclass(frozen=True)
class SeedList:
    """One public question list (data/sources/<id>.yaml)."""

    id: str
    publisher: str
    title: str
    note: str
    questions: tuple[SeedQuestion, ...]


@dataclass(frozen=True)
class Registry:
    lists: dict[str, SeedList]  # list id -> the list

    @property
    def questions(self) -> dict[str, SeedQuestion]:
        """Every seed question by ref."""
        return {q.ref: q for s in self.lists.values() for q in s.questions}


def load_registry(folder: Path) -> Registry:
    """Read every data/sources/*.yaml file into a Registry."""
    lists = {}
    for path in sorted(folder.glob("*.yaml")):
        raw = yamlio.load(path.read_text(encoding="utf-8"))
        try:
            questions = tuple(
                SeedQuestion(q["ref"], raw["id"], int(q["number"]), q["level"], q["question"])
                for q in raw["questions"]
            )
            lists[raw["id"]] = SeedList(
                raw["id"], raw["publisher"], raw["title"], raw.get("note", ""), questions
            )
        except (KeyError, TypeError) as exc:
            raise ContentError(path, f"source file is missing the field {exc}") from exc
    return Registry(lists)


def _source_table(sources_md: str) -> dict[str, tuple[str, str, str]]:
    """Rows of the table in sources.md: source id -> (publisher and title, note)."""
    rows = {}
    for line in sources_md.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and re.fullmatch(r"[a-z-]+", cells[0]) and cells[0] != "source":
            rows[cells[0]] = (cells[1], cells[2])
    return rows


def import_seed_lists(tsv: Path, sources_md: Path, out_dir: Path) -> list[Path]:
    """Write one registry file per source from a seed TSV (ref, source, level, question)."""
    table = _source_table(sources_md.read_text(encoding="utf-8"))
    by_source: dict[str, list[dict]] = {}
    with tsv.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            number = int(re.search(r"(\d+)$", row["ref"]).group(1))
            by_source.setdefault(row["source"], []).append(
                {"ref": row["ref"], "number": number, "level": row["level"],
                 "question": row["question"]}
            )
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for source, questions in by_source.items():
        described, note = table.get(source, (source, ""))
        publisher, _, title = described.partition(", ")
        data = {"id": source, "publisher": publisher.strip(), "title": title.strip(' "'),
                "note": note, "questions": questions}
        path = out_dir / f"{source}.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100),
                        encoding="utf-8")
        written.append(path)
    return written
