"""Shared fixtures: the built site, a local web server for it, headless Chromium, and a
temporary copy of the project for tests that break things on purpose."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pmi_aman.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: F401 (tests import them from here)
from pmi_aman.browsing import serve

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
COPY_IGNORE = shutil.ignore_patterns(".venv", "site", ".git", "build", "__pycache__", ".pytest_cache", "node_modules")


def run_build(cwd, *extra, env=None):
    """Run `mkdocs build --strict` in cwd; return the CompletedProcess (never raises). Without
    handout PDFs unless env says otherwise (printing them takes Chromium and time)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PMI_AMAN_PDF": "false", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *extra],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=600,
    )


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
    target = tmp_path / "project"
    shutil.copytree(ROOT, target, ignore=COPY_IGNORE)
    return target


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
