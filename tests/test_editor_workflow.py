"""The editor's workflow: the page scaffold, the "edit this page" link, the reviewed date,
CONTRIBUTING.md's examples, and the GitHub files (workflows, template, CODEOWNERS, pre-commit)."""

import datetime as dt
import difflib
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.utils.meta import YAML_RE

from conftest import ROOT, SCAFFOLDED, SCAFFOLDED_DATES

sys.path.insert(0, str(ROOT / "scripts"))

import new_page  # noqa: E402
from pmi_aman import DOCS, facts, pages, project  # noqa: E402

NAME = SCAFFOLDED
WORKFLOWS = ROOT / ".github/workflows"


def scaffold(cwd, *args):
    return subprocess.run(
        [sys.executable, str(cwd / "scripts/new_page.py"), *args],
        cwd=cwd, capture_output=True, text=True, timeout=60,
    )


def split(path):
    text = Path(path).read_text(encoding="utf-8")
    match = YAML_RE.match(text)
    assert match, f"{path} has no front matter"
    return yaml.safe_load(match.group(1)), text[match.end():]


def html(path):
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def edit_uri():
    return project.settings(ROOT)["edit_uri"]


# --- the scaffold -------------------------------------------------------------------------


def test_scaffold_makes_a_page_in_both_languages_that_builds(buildable_copy):
    """buildable_copy (conftest.py) ran `make page NAME=<NAME> TITLE="Rapat desa"` and then the
    pin of its Banjar page, before its build."""
    copy = buildable_copy.root
    nav_before = buildable_copy.notes["nav before"]
    result = buildable_copy.notes["scaffold"]
    assert result.returncode == 0, result.stdout + result.stderr

    id_meta, id_body = split(copy / f"docs/id/{NAME}.md")
    bjn_meta, _ = split(copy / f"docs/bjn/{NAME}.md")
    for meta in (id_meta, bjn_meta):
        assert meta["title"] == "Rapat desa"
        assert meta["reviewed"] == dt.date.today()
        assert meta["sources"] == ["UU No. 18 Tahun 2017"]
        assert meta["description"] and "TODO" not in meta["description"]
    assert bjn_meta["translation"] == {"source": pages.source_hash(id_body), "status": "draf"}
    assert "# Rapat desa {#2026-01-10-rapat-desa}" in id_body

    # mkdocs.yml: exactly one added line, right after the existing kegiatan entries.
    nav_after = buildable_copy.notes["nav after"]
    last_activity = [line for line in nav_before.split("\n") if line.strip().startswith("- kegiatan/")][-1]
    indent = last_activity[: len(last_activity) - len(last_activity.lstrip())]
    diff = [d for d in difflib.ndiff(nav_before.split("\n"), nav_after.split("\n")) if d[:1] in "+-"]
    assert diff == [f"+ {indent}- {NAME}.md"]
    lines = nav_after.split("\n")
    added = lines.index(f"{indent}- {NAME}.md")
    assert lines[added - 1].strip().startswith("- kegiatan/")

    # The pin is the one `make translation-status PIN=...` writes, and the pair has the same
    # structure (headings, links, data), so the translation checks pass too.
    pin = buildable_copy.notes["scaffold pin"]
    assert pin.returncode == 0, pin.stdout + pin.stderr
    assert (copy / f"docs/bjn/{NAME}.md").read_text(encoding="utf-8") == buildable_copy.notes["scaffolded bjn"]

    assert buildable_copy.result.returncode == 0, buildable_copy.output
    site = copy / "site"
    for lang, prefix in (("id", ""), ("bjn", "bjn/")):
        page = html(site / f"{prefix}{NAME}/index.html")
        assert page.html["lang"] == lang
        assert page.find("h1", id="2026-01-10-rapat-desa").get_text(strip=True) == "Rapat desa"
        edit = page.find("a", rel="edit")
        assert edit["href"] == f"{edit_uri()}{lang}/{NAME}.md"
        # navigation.prune renders a nested section's links only on pages inside it.
        neighbour = html(site / f"{prefix}kegiatan/index.html")
        links = [a["href"] for a in neighbour.select("nav a.md-nav__link[href]")]
        assert f"2026-01-10-rapat-desa/" in links, f"{lang}: new page missing from the navigation"


def test_reviewed_date_shows_in_the_readers_language(buildable_copy):
    """buildable_copy (conftest.py) made SCAFFOLDED_DATES with `make page`, then wrote
    'reviewed: 2025-09-03' in its Indonesian page and 'reviewed: 2025-11-20' in its Banjar page."""
    assert buildable_copy.notes["scaffold dates"].returncode == 0
    assert buildable_copy.result.returncode == 0, buildable_copy.output
    shown = {
        lang: html(buildable_copy.root / f"site/{prefix}{SCAFFOLDED_DATES}/index.html").select_one(".pmi-reviewed time")
        for lang, prefix in (("id", ""), ("bjn", "bjn/"))
    }
    assert shown["id"].get_text() == "3 September 2025"
    assert shown["bjn"].get_text() == "20 Nupimbir 2025"
    assert shown["bjn"]["datetime"] == "2025-11-20"


def test_edit_link_of_existing_pages_opens_the_right_language_file(site):
    for lang, prefix in (("id", ""), ("bjn", "bjn/")):
        for source in sorted((DOCS / lang).rglob("*.md")):
            name = source.relative_to(DOCS / lang).with_suffix("").as_posix()
            out = site / prefix / ("" if name == "index" else name.removesuffix("/index")) / "index.html"
            edit = html(out).find("a", rel="edit")
            assert edit is not None, f"{out}: no edit link"
            assert edit["href"] == f"{edit_uri()}{lang}/{source.relative_to(DOCS / lang).as_posix()}"


@pytest.mark.parametrize("name", ["Rapat-Desa", "rapat desa", "../rahasia", "kegiatan/", "a_b", "/abs", "x//y"])
def test_scaffold_refuses_an_invalid_name(project_copy, name):
    before = (project_copy / "mkdocs.yml").read_text(encoding="utf-8")
    result = scaffold(project_copy, name)
    assert result.returncode == 1
    assert "tidak sah" in result.stderr and "a-z" in result.stderr
    assert (project_copy / "mkdocs.yml").read_text(encoding="utf-8") == before
    assert not list((project_copy / "docs").rglob("*rahasia*"))


def test_scaffold_refuses_a_name_with_spaces_from_make(project_copy):
    # `make page NAME=Rapat desa` hands the script two words.
    result = scaffold(project_copy, "Rapat", "desa")
    assert result.returncode == 1
    assert "'Rapat desa' tidak sah" in result.stderr


def test_scaffold_refuses_an_existing_page(project_copy):
    page = project_copy / "docs/id/biaya.md"
    before = page.read_text(encoding="utf-8"), (project_copy / "mkdocs.yml").read_text(encoding="utf-8")
    result = scaffold(project_copy, "biaya", "--title", "Biaya baru")
    assert result.returncode == 1
    assert "docs/id/biaya.md sudah ada" in result.stderr
    assert (page.read_text(encoding="utf-8"), (project_copy / "mkdocs.yml").read_text(encoding="utf-8")) == before


def test_scaffold_refuses_an_unknown_section(project_copy):
    result = scaffold(project_copy, "panduan-visa", "--section", "Tidak ada")
    assert result.returncode == 1
    assert "'Tidak ada' tidak ada" in result.stderr and "'Lainnya'" in result.stderr
    assert not (project_copy / "docs/id/panduan-visa.md").exists()
    assert not (project_copy / "docs/bjn/panduan-visa.md").exists()


SAMPLE_NAV = """\
site_name: X  # a comment that must stay
nav:
  - Beranda: index.md
  # Activities are listed by date.
  - Desa:
      - peran-desa.md
      - kegiatan/index.md
      - Rapat pertama: kegiatan/2025-01-01-rapat.md
  - Bantuan:
      - pengaduan.md
  - Lainnya:
      - tentang.md

      - status.md   # last one
markdown_extensions:
  - toc
"""


@pytest.mark.parametrize(
    "name, section, index, line",
    [
        ("kegiatan/2026-01-10-rapat-desa", None, 8, "      - kegiatan/2026-01-10-rapat-desa.md"),
        ("panduan-visa", None, 14, "      - panduan-visa.md"),
        ("panduan-visa", "bantuan", 10, "      - panduan-visa.md"),
    ],
)
def test_nav_insertion_goes_under_the_right_section(name, section, index, line):
    assert new_page.nav_insertion(SAMPLE_NAV, name, section) == (index, line)


COMMENTED_NAV = SAMPLE_NAV.replace("  - Bantuan:\n", "  # Help comes last but one.\n  - Bantuan:\n").replace(
    "  - Lainnya:\n", "  - Lainnya:  # everything else\n") + "# the end\n"


@pytest.mark.parametrize("name, section, after", [
    ("kegiatan/2026-01-10-rapat-desa", None, "      - Rapat pertama: kegiatan/2025-01-01-rapat.md"),
    ("panduan-visa", "Desa", "      - Rapat pertama: kegiatan/2025-01-01-rapat.md"),
    ("panduan-visa", None, "      - status.md   # last one"),
    ("panduan-visa", "Bantuan", "      - pengaduan.md"),
])
def test_nav_edit_adds_one_line_and_keeps_every_comment(name, section, after):
    """`make page` edits mkdocs.yml with ruamel.yaml's round trip: the only change is the new
    entry, right after `after`; the comment lines between sections stay where they were."""
    text, line = new_page.add_page(COMMENTED_NAV, name, section)
    before, now = COMMENTED_NAV.split("\n"), text.split("\n")
    diff = [d for d in difflib.ndiff(before, now) if d[:1] in "+-"]
    assert diff == [f"+       - {name}.md"], diff
    assert now[line - 1] == f"      - {name}.md" and now[line - 2] == after
    assert line - 1 == new_page.nav_insertion(COMMENTED_NAV, name, section)[0]  # what `make check` names
    for comment in ("site_name: X  # a comment that must stay", "  # Activities are listed by date.",
                    "  # Help comes last but one.", "  - Lainnya:  # everything else", "# the end"):
        assert comment in now


def test_nav_insertion_refuses_a_page_already_in_the_nav():
    with pytest.raises(new_page.Refused, match="sudah memuat"):
        new_page.nav_insertion(SAMPLE_NAV, "kegiatan/2025-01-01-rapat", None)


# --- CONTRIBUTING.md ----------------------------------------------------------------------


def contributing():
    path = ROOT / "CONTRIBUTING.md"
    assert path.exists(), "CONTRIBUTING.md is missing"
    return path.read_text(encoding="utf-8")


def test_contributing_front_matter_examples_pass_the_checks():
    blocks = re.findall(r"```yaml\n(---\n.*?\n---)\n```", contributing(), flags=re.S)
    assert len(blocks) >= 2, "CONTRIBUTING.md needs an Indonesian and a Banjar front matter example"
    for lang, block in (("id", blocks[0]), ("bjn", blocks[1])):
        page = pages.read_page(DOCS / lang / "contoh.md", lang=lang, text=block + "\n\n# Contoh\n")
        assert page.meta["title"] and page.problems == [], f"{lang} example fails the checks: {page.problems}"


def test_contributing_explains_the_commands_and_the_rules():
    text = contributing()
    for needed in (
        "make page NAME=", "make serve", "make check", "make test", "make translation-status PIN=",
        "{{ kontak:", "{{ fakta:", "{{ pidana:", "{{ tabel:",
        "VERIFIED-VERBATIM", "FROM-SECONDARY-SOURCE", "UNVERIFIED", "Pasal 81 UU 18/2017",
        "draf", "ditinjau", "usang", "hilang", "docs/id/", "docs/bjn/", "data/strings/bjn.yml",
    ):
        assert needed in text, f"CONTRIBUTING.md does not mention {needed!r}"
    # Every placeholder shown as an example must be one the build accepts.
    for kind, key in facts.PLACEHOLDER.findall(text):
        if key not in ("nama", "kunci", "..."):
            _, error = facts.render_one(kind, key, "id")
            assert error is None, f"CONTRIBUTING.md example {{{{ {kind}: {key} }}}}: {error}"


# --- GitHub and pre-commit files ----------------------------------------------------------


def load_yaml(path):
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def runs(workflow):
    return [step.get("run", "") for job in workflow["jobs"].values() for step in job.get("steps", [])]


def uses(workflow):
    return [step.get("uses", "") for job in workflow["jobs"].values() for step in job.get("steps", [])]


def triggers(workflow):
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true


def readme_commands():
    readme = ROOT / "README.md"
    assert readme.exists(), "README.md is missing: the workflows must run its commands"
    return set(re.findall(r"`(make [a-z-]+)", readme.read_text(encoding="utf-8")))


def test_workflows_parse_and_have_jobs():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert {f.name for f in files} >= {"test.yml", "deploy.yml"}
    for path in files:
        workflow = load_yaml(path)
        assert triggers(workflow), f"{path.name}: no 'on:'"
        for name, job in workflow["jobs"].items():
            assert job.get("runs-on") == "ubuntu-latest", f"{path.name}:{name}"
            assert job["steps"], f"{path.name}:{name} has no steps"
            for step in job["steps"]:
                assert ("run" in step) != ("uses" in step), f"{path.name}: step {step}"


def test_test_workflow_runs_the_readme_test_command_on_pull_requests():
    workflow = load_yaml(WORKFLOWS / "test.yml")
    assert "pull_request" in triggers(workflow)
    assert "make test" in readme_commands()
    assert "make test" in runs(workflow)
    assert any(u.startswith("actions/setup-python") for u in uses(workflow))
    chromium = workflow["jobs"]["test"]["env"]["CHROMIUM"]
    assert chromium.startswith("/usr/bin/"), "the browser tests need CHROMIUM set for the runner"


def test_deploy_workflow_builds_main_with_the_readme_command_and_publishes_site():
    workflow = load_yaml(WORKFLOWS / "deploy.yml")
    assert triggers(workflow)["push"]["branches"] == ["main"]
    assert "make site" in readme_commands()
    assert "make site" in runs(workflow)
    assert workflow["permissions"]["pages"] == "write"
    assert workflow["permissions"]["id-token"] == "write"
    upload = next(s for s in workflow["jobs"]["build"]["steps"]
                  if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == project.settings(ROOT)["site_dir"]
    assert any(u.startswith("actions/deploy-pages") for u in uses(workflow))


def test_workflow_make_commands_are_readme_commands():
    documented = readme_commands()
    for path in WORKFLOWS.glob("*.yml"):
        for run in runs(load_yaml(path)):
            for command in re.findall(r"\bmake [a-z-]+", run):
                assert command in documented, f"{path.name} runs '{command}', which README.md does not list"


def test_pull_request_template_has_the_checklist():
    text = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] (.*)$", text, flags=re.M)
    joined = " ".join(items).lower()
    for topic in ("sumber", "pasal", "dua bahasa", "reviewed", "unverified"):
        assert topic in joined, f"pull request checklist lacks {topic!r}"


def test_codeowners_gives_banjar_pages_to_the_banjar_reviewers():
    rules = {}
    for line in (ROOT / ".github/CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *owners = line.split()
            rules[pattern] = owners
    assert rules["/docs/bjn/"] == ["@pmi-aman/peninjau-banjar"]
    assert rules["/data/"]


def test_pre_commit_hooks_call_existing_scripts():
    config = load_yaml(ROOT / ".pre-commit-config.yaml")
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert hooks
    for hook in hooks:
        assert {"id", "name", "entry", "language"} <= set(hook)
        for script in re.findall(r"scripts/[\w/]+\.py", hook["entry"]):
            assert (ROOT / script).exists(), f"pre-commit hook {hook['id']} calls missing {script}"
