"""Hard limits of a page view in headless Chromium (sizes and timings are measured by
`make bench`, not asserted here): no request leaves the site, none fails, the search index is
downloaded only when the reader uses search, and search answers in the page's language."""

import shutil

import pytest

from pmi_aman.browsing import (
    Recorder, block_outside, request_problems, search, search_requests, serve, site_pages,
)


@pytest.fixture(scope="module")
def context(browser):
    # A first-time reader's page views: the service worker that stores the site after a visit
    # (issue 12, tested in test_pocket.py) would answer later pages from its cache.
    context = browser.new_context(viewport={"width": 360, "height": 740}, service_workers="block")
    block_outside(context)
    yield context
    context.close()


def visit_all(context, base, paths):
    page = context.new_page()
    recorder = Recorder(page)
    visits = {}
    for path in paths:
        recorder.clear()
        page.goto(base + path, wait_until="networkidle")
        visits[path] = recorder.snapshot()
    page.close()
    return visits


def test_no_page_requests_anything_outside_the_site_or_missing(site, server, context):
    paths = site_pages(site)
    assert "" in paths and "bjn/" in paths and len(paths) >= 30, paths
    problems = []
    for path, requests in visit_all(context, server, paths).items():
        assert requests and requests[0][1] == 200, (path, requests[:1])
        problems += request_problems(path or "/", requests)
    assert not problems, "\n".join(problems)


def test_request_check_reports_outside_hosts_missing_files_and_404s(tmp_path, context):
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="id"><head><title>x</title>'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<script>fetch("https://api.github.com/repos/pmi-aman/pmi-aman");</script></head>'
        '<body><img src="hilang.png" alt="hilang"></body></html>',
        encoding="utf-8",
    )
    with serve(tmp_path) as base:
        requests = visit_all(context, base, [""])[""]
    problems = "\n".join(request_problems("/", requests))
    assert "meminta alamat di luar situs: https://fonts.googleapis.com/css?family=Roboto" in problems
    assert "meminta alamat di luar situs: https://api.github.com/repos/pmi-aman/pmi-aman" in problems
    assert "hilang.png menjawab HTTP 404" in problems


@pytest.mark.parametrize("path, index", [
    ("biaya/", "search/search_index.json"),
    ("bjn/biaya/", "bjn/search/search_index.json"),
])
def test_search_index_is_downloaded_only_when_search_is_used(server, context, path, index):
    page = context.new_page()
    recorder = Recorder(page)
    page.goto(server + path, wait_until="networkidle")
    assert search_requests(recorder.requests) == [], "search loaded before the reader used it"
    with page.expect_request(server + index):
        page.keyboard.press("s")  # Material's shortcut: opens search and focuses the field
    page.wait_for_load_state("networkidle")
    loaded = search_requests(recorder.requests)
    assert server + index in loaded and any("/workers/search." in url for url in loaded), loaded
    assert not [url for url in loaded if "search_index" in url and url != server + index], loaded
    page.close()


def test_early_search_download_is_detected(site, tmp_path, context):
    """Without site.js, Material downloads the index on every page view: the check sees it."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("unduh", "*.pdf", "*.map"))
    page_file = copy / "biaya/index.html"
    html = page_file.read_text(encoding="utf-8")
    tag = '<script src="../assets/javascripts/site.js"></script>'
    assert tag in html
    page_file.write_text(html.replace(tag, ""), encoding="utf-8")
    page = context.new_page()
    recorder = Recorder(page)
    with serve(copy) as base:
        page.goto(base + "biaya/", wait_until="networkidle")
        assert base + "search/search_index.json" in search_requests(recorder.requests)
    page.close()


@pytest.mark.parametrize("path, word, inside", [
    ("bjn/", "bagawi", "bjn/"),   # Banjar: "to work"
    # Only written as "non-prosedural" (glossary): found because hyphens split words, as
    # "anak" finds "anak-anak"; without that the token would be "non-prosedural".
    ("", "prosedural", ""),
    ("", "bekerja", ""),          # Indonesian: "to work"
    ("bjn/", "biaya", "bjn/"),    # a word of both languages: Banjar pages only on a Banjar page
    ("", "biaya", ""),
])
def test_search_finds_pages_of_the_readers_language(server, context, path, word, inside):
    page = context.new_page()
    page.goto(server + path, wait_until="networkidle")
    links = search(page, word)
    assert links, f"no result for {word!r} on /{path}"
    own = [link for link in links if link.startswith(server + inside)]
    if not inside:  # Indonesian pages: anything not under /bjn/
        own = [link for link in links if not link.startswith(server + "bjn/")]
    assert own == links, f"results in another language for {word!r} on /{path}: {links}"
    page.close()
