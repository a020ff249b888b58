"""What a reader's browser does with the built site, for the browser tests and the benchmark:
the pages of the site, a small local web server, and the requests a page view makes.

Functions take Playwright objects as arguments; Playwright itself is imported by the caller.
"""

import contextlib
import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlsplit

LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
SEARCH_FILES = ("search_index.json", "search_index.js", "/workers/search.")


REVIEW_KIT = "tinjau"  # the reviewers' print sheets (pmi_aman.review_kit), not a page for readers


def site_pages(site, readers_only=False):
    """Every page of a built site (directory URLs) as a path: '' for the home page, 'bjn/biaya/'...
    With readers_only, without the review kit's sheets."""
    site = Path(site)
    pages = []
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        if rel.startswith("unduh") or "/pdf" in f"/{rel}":
            continue
        if readers_only and (rel == REVIEW_KIT or rel.startswith(REVIEW_KIT + "/")):
            continue
        pages.append("" if rel == "." else f"{rel}/")
    return pages


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory, handler=QuietHandler):
    """Serve a folder on 127.0.0.1 while the block runs; yields the base URL ending in '/'."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def is_outside(url):
    """True for a URL that a browser would fetch from another machine."""
    parts = urlsplit(url)
    if parts.scheme in ("http", "https", "ws", "wss"):
        return parts.hostname not in LOCAL_HOSTS
    return parts.scheme not in ("file", "data", "blob", "about", "chrome-error")


def block_outside(context):
    """Let nothing leave this machine: requests to other hosts are aborted (and still recorded)."""
    context.route(lambda url: is_outside(url), lambda route: route.abort())


class Recorder:
    """Every request a Playwright page makes: url -> HTTP status, or the error if it failed."""

    def __init__(self, page):
        self.requests = []
        self.results = {}
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("response", lambda response: self.results.__setitem__(response.url, response.status))
        page.on("requestfailed", lambda request: self.results.__setitem__(request.url, request.failure))

    def clear(self):
        self.requests.clear()
        self.results.clear()

    def snapshot(self):
        return [(url, self.results.get(url)) for url in self.requests]


def request_problems(where, requests):
    """Messages (Indonesian) for requests to other hosts and for requests that failed or got >= 400."""
    problems = []
    for url, result in requests:
        if is_outside(url):
            problems.append(f"{where}: meminta alamat di luar situs: {url}")
        elif isinstance(result, int) and result >= 400:
            problems.append(f"{where}: {url} menjawab HTTP {result}")
        elif isinstance(result, str) and "ERR_ABORTED" not in result:
            problems.append(f"{where}: {url} gagal dimuat ({result})")
    return problems


def search_requests(urls):
    """The requests among urls that belong to search (the index or the search worker)."""
    return [url for url in urls if any(name in url for name in SEARCH_FILES)]


def search(page, query):
    """Open search with the keyboard shortcut, type query, and return the links of the results."""
    page.keyboard.press("s")
    page.wait_for_function(
        "document.activeElement && document.activeElement.matches('[data-md-component=search-query]')")
    page.keyboard.type(query, delay=20)
    page.wait_for_timeout(400)  # Material waits for typing to pause before it searches
    page.wait_for_function(
        """() => {
          const none = JSON.parse(document.getElementById("__config").textContent)
            .translations["search.result.none"];
          const meta = document.querySelector(".md-search-result__meta");
          return document.querySelector(".md-search-result__link") !== null
            || (meta !== null && meta.textContent.trim() === none);
        }""", timeout=30000)  # a wait, not a time limit: the worker builds its index first
    results = page.locator(".md-search-result__link")
    return [results.nth(i).get_attribute("href") for i in range(results.count())]
