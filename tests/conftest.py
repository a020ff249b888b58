"""Shared fixtures: the built site, a local web server for it, headless Chromium, and copies of
the project changed or broken on purpose.

A build of a copy takes several seconds, so the tests that need one share it. Each shared copy
below carries the changes of several tests (independent of each other, each in its own place)
and is built once (`mkdocs build --strict`) or checked once (scripts/check_site.py, what
`make check` runs); each test then asserts its own message (file, line, wording) in that one
output, so it still fails on its own. A group gets its own copy only where one change would
hide another: a strict build stops at the first plugin step that finds a problem
(pmi_aman.problems.report_or_raise), so problems found before the build by different checks, or
in different pages, cannot share one strict build (each fixture says which it is).
The plugin reads data/ and docs/ from the current directory (pmi_aman.ROOT), so a copy is built
by a process started inside it, not in the process of the tests.
"""

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pmi_aman.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: F401 (tests import them from here)
from pmi_aman.browsing import serve

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
COPY_IGNORE = shutil.ignore_patterns(".venv", "site", ".git", "build", "__pycache__", ".pytest_cache", "node_modules")
# Builds and scripts in copies print no handout PDFs (Chromium, time); tests/test_print.py
# tests the PDFs `make site` printed.
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PMI_AMAN_PDF": "false"}

# Pages the shared clean copy makes with `make page` (tests/test_editor_workflow.py and
# tests/test_editor_messages.py look at them).
SCAFFOLDED = "kegiatan/2026-01-10-rapat-desa"
SCAFFOLDED_DATES = "kegiatan/2026-02-14-pelatihan-desa"
MADE_PAGE = "panduan-visa"
REVIEWED_PAGE = "hak-kewajiban.md"  # set to 'ditinjau' by hand (tests/test_translations.py)


def run_build(cwd, *extra, env=None):
    """Run `mkdocs build --strict` in cwd; return the CompletedProcess (never raises)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *extra],
        cwd=cwd, env={**ENV, **(env or {})}, capture_output=True, text=True, timeout=600,
    )


def run_script(cwd, script, *args):
    """One of the project's scripts (scripts/<script>) run inside cwd, as the Makefile does."""
    return subprocess.run(
        [sys.executable, f"scripts/{script}", *args],
        cwd=cwd, env=ENV, capture_output=True, text=True, timeout=600,
    )


def copy_project(target):
    """A copy of the project (sources only) at target."""
    shutil.copytree(ROOT, target, ignore=COPY_IGNORE)
    return target


def append(path, *lines):
    """Add lines at the end of a file (after one blank line); return the line number of each."""
    text = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    first = len(text) + 2
    path.write_text("\n".join(text + [""] + list(lines)) + "\n", encoding="utf-8")
    return list(range(first, first + len(lines)))


def replace(path, old, new):
    """Replace the first `old` in a file (it must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} tidak ada di {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def set_review(path, status, reviewer=None):
    """Rewrite a Banjar page's translation block: status (and reviewer), keeping its pin."""
    text = path.read_text(encoding="utf-8")
    source = re.search(r"^  source: (.*)$", text, re.M).group(1)
    block = f"translation:\n  source: {source}\n  status: {status}\n"
    if reviewer:
        block += f"  reviewer: {reviewer}\n"
    text = re.sub(r"^translation:\n(?:  .*\n)*", block, text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")


@dataclass
class Copy:
    """A changed copy of the project, what was noted while changing it, and its one run."""
    root: Path
    notes: dict = field(default_factory=dict)
    result: subprocess.CompletedProcess = None

    @property
    def output(self):
        return self.result.stdout + self.result.stderr


def new_copy(factory, name):
    return Copy(copy_project(factory.mktemp(name) / "project"))


def pytest_collection_modifyitems(items):
    """Mark every test that uses Chromium, so that `pytest -m "not browser"` is a quick loop."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site():
    """The built site. `make test` builds it first; build here if it is missing."""
    if not (SITE / "index.html").exists():
        result = run_build(ROOT)
        assert result.returncode == 0, result.stderr
    return SITE


@pytest.fixture
def project_copy(tmp_path):
    """A throwaway copy of the project (sources only) to break on purpose."""
    return copy_project(tmp_path / "project")


# --- shared copies --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def buildable_copy(tmp_path_factory):
    """A copy with the changes of every test that needs a strict build to pass, built once.
    Every change must build: when one does not, every test of this copy fails and the build's
    output (in the failure) names the change. (tests/test_pocket.py keeps its own copy: it
    builds twice, before and after a change.)"""
    c = new_copy(tmp_path_factory, "buildable")
    p = c.root
    # test_freshness.py: an old review is a warning, not a stop.
    replace(p / "docs/id/biaya.md", "reviewed: 2026-11-28", "reviewed: 2024-01-15")
    # test_facts.py: the penalty table follows data/penalties.yml (no ../shared here, so the
    # amounts are not compared with the fact sheets: test_source_refs.py's warning).
    replace(p / "data/penalties.yml", "prison_years: 10", "prison_years: 12")
    # test_banjar.py: the reviewer's record, as `make translation-status PIN=... REVIEWER=...`.
    c.notes["reviewer pin"] = run_script(p, "translation_status.py", "--pin", "docs/bjn/biaya.md",
                                         "--reviewer", "Siti  Aisyah")
    # test_translations.py: a reviewed page set by hand; an outdated draft.
    run_script(p, "translation_status.py", "--pin", f"docs/bjn/{REVIEWED_PAGE}")
    set_review(p / "docs/bjn" / REVIEWED_PAGE, "ditinjau", "Siti Aisyah")
    run_script(p, "translation_status.py", "--pin", "docs/bjn/jalur-resmi.md")
    set_review(p / "docs/bjn/jalur-resmi.md", "draf")
    c.notes["draft status"] = run_script(p, "translation_status.py")
    append(p / "docs/id/jalur-resmi.md", "Kalimat baru dari editor.")
    # test_editor_workflow.py: `make page` with a title, then its pin; a second page whose
    # reviewed dates are changed.
    c.notes["nav before"] = (p / "mkdocs.yml").read_text(encoding="utf-8")
    c.notes["scaffold"] = run_script(p, "new_page.py", SCAFFOLDED, "--title", "Rapat desa")
    c.notes["nav after"] = (p / "mkdocs.yml").read_text(encoding="utf-8")
    c.notes["scaffolded bjn"] = (p / f"docs/bjn/{SCAFFOLDED}.md").read_text(encoding="utf-8")
    c.notes["scaffold pin"] = run_script(p, "translation_status.py", "--pin", f"docs/bjn/{SCAFFOLDED}.md")
    c.notes["scaffold dates"] = run_script(p, "new_page.py", SCAFFOLDED_DATES)
    for lang, date in (("id", "2025-09-03"), ("bjn", "2025-11-20")):
        path = p / f"docs/{lang}/{SCAFFOLDED_DATES}.md"
        path.write_text(re.sub(r"^reviewed: .*$", f"reviewed: {date}", path.read_text(encoding="utf-8"),
                               flags=re.M), encoding="utf-8")
    # test_editor_messages.py: a page fresh from `make page` builds at once.
    c.notes["made page"] = run_script(p, "new_page.py", MADE_PAGE, "--title", "Panduan visa")
    # test_checks.py: links a template writes are not checked by MkDocs (the build passes).
    template = p / "overrides/main.html"
    c.notes["template"] = template.read_text(encoding="utf-8")
    replace(template, "{% block content %}", '{% block content %}\n  <a href="{{ base_url }}/hilang/">x</a>'
                                             '<a href="https://calo.contoh.com/">y</a>')
    c.result = run_build(p)
    return c


@pytest.fixture(scope="session")
def buildable_copy_checked(buildable_copy):
    """scripts/check_site.py over the clean copy's strict build (the sources and the built site;
    the build itself is buildable_copy's)."""
    return run_script(buildable_copy.root, "check_site.py")


@pytest.fixture(scope="session")
def data_defects(tmp_path_factory):
    """Three data files broken, all found by facts.check_data before anything is built (the
    facts hook's on_pre_build), so that one strict build reports them together and stops."""
    c = new_copy(tmp_path_factory, "data")
    p = c.root
    (p.parent / "shared").symlink_to(ROOT.parent / "shared")  # as in CI: ../shared
    # test_facts.py: a fact not verified.
    replace(p / "data/facts.yml", "  mark: VERIFIED-VERBATIM", "  mark: UNVERIFIED")
    # test_freshness.py: an old contact without `reconfirm`.
    path = p / "data/contacts.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("kemlu_hotline:")
    end = text.index("\n", text.index("  reconfirm:", start))
    path.write_text(text[:start] + text[start:end].rsplit("\n", 1)[0] + text[end:], encoding="utf-8")
    # test_source_refs.py: an amount that is not in the fact sheet.
    path = p / "data/penalties.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if '- key: "82"' in line)
    line = next(i for i in range(start, len(lines)) if "fine: 15000000000" in lines[i])
    lines[line] = lines[line].replace("15000000000", "25000000000")
    path.write_text("\n".join(lines), encoding="utf-8")
    c.notes["fine line"] = line + 1
    c.result = run_build(p)
    return c


@pytest.fixture(scope="session")
def missing_translation(tmp_path_factory):
    """A Banjar page missing (test_foundation.py, test_translations.py). On its own: the
    translation check stops a strict build before the other checks run."""
    c = new_copy(tmp_path_factory, "missing")
    (c.root / "docs/bjn/biaya.md").unlink()
    c.result = run_build(c.root)
    return c


@pytest.fixture(scope="session")
def page_defects(tmp_path_factory):
    """One Banjar page with three mistakes, which the facts hook reports together when it reads
    that page (a strict build stops at the first page with a problem, so they share a page):
    an unknown contact (test_checks.py), and a translation marked 'ditinjau' without reviewer
    (test_translations.py) and with a review date in the future (test_banjar.py)."""
    c = new_copy(tmp_path_factory, "page")
    path = c.root / "docs/bjn/biaya.md"
    replace(path, "  status: draf\n", "  status: ditinjau\n  reviewed_on: 2999-01-01\n")
    (c.notes["contact line"],) = append(path, "Hubungi {{ kontak: calo_desa }} sakarang.")
    c.result = run_build(c.root)
    return c


@pytest.fixture(scope="session")
def nav_and_link_defects(tmp_path_factory):
    """Mistakes MkDocs itself warns about, which stop a strict build only at its end (strict
    mode counts the warnings), so they share it: a broken link (test_foundation.py) and the
    navigation mistakes of test_editor_messages.py, which also runs `make check` on it."""
    c = new_copy(tmp_path_factory, "nav")
    p = c.root
    (c.notes["link line"],) = append(p / "docs/id/biaya.md", "[rusak](tidak-ada.md)")
    for lang in ("id", "bjn"):
        for name in ("kegiatan/2026-01-10-rapat-desa.md", "visa.md"):
            (p / f"docs/{lang}/{name}").write_text(
                (p / f"docs/{lang}/tentang.md").read_text(encoding="utf-8"), encoding="utf-8")
    replace(p / "mkdocs.yml", "      - istilah.md", "      - istilah-lama.md")
    c.notes["check"] = run_script(p, "check_site.py", "--build")
    c.result = run_build(p)
    return c


@pytest.fixture(scope="session")
def server(site):
    """Serve site/ on 127.0.0.1; yields the base URL ending in '/'."""
    with serve(site) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright (no browser download)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium tidak ditemukan di {CHROMIUM}. Pasang dengan: sudo apt-get install chromium "
            "(atau jalankan 'make chromium')."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


# The Banjar check's figures (tests/test_banjar.py), shown at the end of every test run.
BANJAR_REPORT = pytest.StashKey[str]()


def pytest_terminal_summary(terminalreporter, config):
    text = config.stash.get(BANJAR_REPORT, None)
    if text:
        terminalreporter.write_sep("-", "make banjar-check (angka)")
        terminalreporter.write_line(text.strip())
