"""Debian's headless Chromium, driven by Playwright (no browser download), for the handout
PDFs (pmi_aman.plugin.print_guide); tests/conftest.py launches it with the same flags."""

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without these flags Chromium tries to reach Google's hosts, which this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-domain-reliability",
]

# Print exactly as a reader's browser does: A4 from print.css, no backgrounds (black and white).
OPEN_DETAILS = "document.querySelectorAll('details').forEach(function (d) { d.open = true; })"


def print_pdf(page, url, path):
    """Open url in a Playwright page and print it to path; return the page's h1 text."""
    page.goto(url, wait_until="load")
    page.evaluate(OPEN_DETAILS)
    page.emulate_media(media="print")
    title = page.locator("h1").first.inner_text() if page.locator("h1").count() else ""
    page.pdf(path=str(path), format="A4", prefer_css_page_size=True, print_background=False)
    return title.strip()
