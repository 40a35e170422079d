"""The contributor workflow: GitHub templates, the CI workflow, and the site's guide and API."""

import re
from html import unescape
from pathlib import Path

import yaml

from dlqa import catalogue, cli, dedup, model, snippets

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"


def _readme_commands() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return set(re.findall(r"`(make [a-z]+)`", readme))


def test_workflow_runs_the_readme_commands_and_deploys_main():
    workflow = yaml.safe_load((GITHUB / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    runs = [step["run"] for step in workflow["jobs"]["test"]["steps"] if "run" in step]
    assert "make test" in runs and "make pdf" in runs
    assert {"make test", "make pdf"} <= _readme_commands()
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "test" and "refs/heads/main" in deploy["if"]
    assert any(step.get("uses", "").startswith("actions/deploy-pages")
               for step in deploy["steps"])


def test_ci_script_runs_the_readme_test_command():
    assert "make test" in _readme_commands()
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", script, re.MULTILINE)


def test_pull_request_template_has_the_checklist():
    text = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", text, re.MULTILINE)
    for needle in ("dlqa similar", "sources", "snippet", "make test"):
        assert any(needle in box for box in boxes), f"no checklist item about {needle!r}"


def test_issue_templates_are_valid_forms():
    forms = {p.name: yaml.safe_load(p.read_text(encoding="utf-8"))
             for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml"}
    assert set(forms) == {"request-a-question.yml", "report-a-wrong-answer.yml"}
    for form in forms.values():
        assert form["name"] and form["description"] and form["body"]
        ids = [item["id"] for item in form["body"] if "id" in item]
        assert len(ids) == len(set(ids))
    page = next(item for item in forms["report-a-wrong-answer.yml"]["body"]
                if item.get("id") == "page")
    assert page["validations"]["required"] is True
    assert "Question id" in page["attributes"]["description"]


def test_site_shows_the_contributing_guide(site):
    html = (site / "contributing" / "index.html").read_text(encoding="utf-8")
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for heading in re.findall(r"^## (.+)$", guide, re.MULTILINE):
        assert heading.replace("`", "") in re.sub(r"<[^>]+>", "", html), heading
    # The guide's example include lines are shown, not expanded into the softmax snippet.
    assert "--8&lt;--" in re.sub(r"<[^>]+>", "", html)
    assert "def softmax" not in html
    # Its edit button opens the guide's one source.
    assert re.search(r'href="https://github\.com/[^"]+/edit/main/CONTRIBUTING\.md"', html)


def test_site_shows_the_api_reference_from_docstrings(site):
    html = (site / "contributing" / "api.html").read_text(encoding="utf-8")
    text = " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())
    for obj in (model.Question, catalogue.Catalogue, snippets.SnippetResult,
                snippets.run_snippets, dedup.similarity, cli.main, cli.check):
        name = f"{obj.__module__}.{obj.__qualname__}"
        assert f'id="{name}"' in html, name
        opening = " ".join(obj.__doc__.replace("`", "").split()[:8])
        assert opening in text, name


def test_readme_states_the_number_of_questions_and_topics(repo):
    from dlqa.catalogue import load_catalogue

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"\*\*([\d,]+) questions in (\d+) topics\.\*\*", readme)
    assert found, "README states the size of the encyclopedia"
    count = len(load_catalogue(repo, check=False).questions)
    assert (int(found[1].replace(",", "")), int(found[2])) == (count, len(repo.topics))
