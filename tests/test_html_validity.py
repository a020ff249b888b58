"""Valid HTML: every built page (both languages, 404 pages, whole-guide pages, the offline edition
in build/offline/ and as unpacked from its ZIPs) has no error or warning from the W3C's Nu HTML
Checker. One start of the checker validates everything, together with a page with known errors
(tests/fixtures/invalid-page.html), which proves the run checked files and reports file and line."""

import zipfile

import pytest

from conftest import ROOT
from pmi_aman import html_validator
from pmi_aman.problems import Problem

FIXTURE = ROOT / "tests" / "fixtures" / "invalid-page.html"
FIXTURE_NAME = "tests/fixtures/invalid-page.html"
OFFLINE = ROOT / "build" / "offline"


@pytest.fixture(scope="module")
def checked(site, tmp_path_factory):
    """(folders checked, number of HTML files in them, problems) from one run of the checker."""
    assert OFFLINE.is_dir(), f"{OFFLINE} belum dibuat: jalankan 'make site'"
    unpacked = tmp_path_factory.mktemp("offline-zips")
    archives = sorted((site / "unduh").glob("*.zip"))
    assert archives, "ZIP versi luring belum dibuat: jalankan 'make site'"
    for archive in archives:
        with zipfile.ZipFile(archive) as opened:
            opened.extractall(unpacked / archive.stem)
    folders = [site, OFFLINE, unpacked]
    count = sum(len(list(folder.rglob("*.html"))) for folder in folders)
    return folders, count, html_validator.check_files([*folders, FIXTURE])


def test_every_built_page_is_valid_html(checked):
    folders, count, problems = checked
    assert count >= 80, f"only {count} HTML files in {folders}"
    assert {"404.html", "bjn/404.html", "cetak-semua/index.html"} <= {
        path.relative_to(folders[0]).as_posix() for path in folders[0].rglob("*.html")}
    found = [str(p) for p in problems if p.path != FIXTURE_NAME]
    assert not found, f"{len(found)} masalah HTML:\n" + "\n".join(found)


def test_known_errors_are_reported_with_file_line_and_indonesian_message(checked):
    problems = sorted((p for p in checked[2] if p.path == FIXTURE_NAME), key=lambda p: p.line)
    assert [p.line for p in problems] == [5, 6, 7, 8]
    first = str(problems[0])
    assert first.startswith(f"{FIXTURE_NAME}:5: HTML tidak sah (kesalahan Nu HTML Checker): "
                            "Attribute “autocomplete” is only allowed when the input type is")
    assert 'Cuplikan: «<input type="checkbox" id="menu" autocomplete="off">»' in first
    assert "Perbaiki di teks halaman (docs/) atau di templat (overrides/)" in first
    assert "“tabindex”" in problems[1].message
    assert "“for” attribute of the “label” element" in problems[2].message


def test_a_problem_on_a_built_page_names_its_markdown_source(site):
    message = {"type": "error", "url": (site / "bjn" / "biaya" / "index.html").as_uri(), "lastLine": 12,
               "message": "Duplicate ID “x”.", "extract": '<span id="x">'}
    problem = html_validator.to_problem(message)
    assert problem == Problem("site/bjn/biaya/index.html", 12, problem.message)
    assert "Duplicate ID “x”." in problem.message
    assert "Halaman ini dibuat dari docs/bjn/biaya.md." in problem.message


def test_same_template_error_on_many_pages_is_reported_once(tmp_path):
    for name in ("a.html", "b.html"):
        (tmp_path / name).write_text('<!doctype html><html lang="id"><head><title>x</title></head>'
                                     '<body><label for="x" tabindex="">x</label></body></html>', encoding="utf-8")
    problems = [p for p in html_validator.check_files([tmp_path]) if "Bad value “” for attribute “tabindex”" in p.message]
    assert len(problems) == 1 and problems[0].message.endswith(" Sama di 1 halaman lain.")


def test_missing_checker_is_reported_with_how_to_install(tmp_path):
    problems = html_validator.check_files([FIXTURE], jar=tmp_path / "vnu.jar")
    assert len(problems) == 1 and "make vnu" in problems[0].message
