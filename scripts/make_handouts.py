"""Print the key pages of every language to A4 PDFs with headless Chromium, and check their
page budgets.

    python scripts/make_handouts.py                      # after `mkdocs build`; `make site` runs it
    python scripts/make_handouts.py --site DIR --page syarat-dokumen --lang id

Pages are printed from a local web server over the built site. Their address and QR code are
already in the HTML (made at build time from site_url), so the PDFs show the public address.
Writes build/handouts/<lang>/<name>.pdf and build/handouts.json; the next build lists them on
the handouts page and publishes them (scripts/hooks/handouts.py). Exits 1, naming the page, when
a handout has more A4 pages than its budget (pmi_aman/handouts.py).
"""

import argparse
import json
import sys
import time
from pathlib import Path

from pypdf import PdfReader

from pmi_aman import DOCS, LANGUAGES, browser, handouts, pages
from pmi_aman.browsing import serve


def title_of(page, lang):
    """The page's title from its front matter (what the navigation shows)."""
    source = DOCS / lang / f"{page}.md"
    return pages.read_page(source).meta.get("title") if source.exists() else None


def make(site, out, languages, names):
    """Print every page in every language; return the manifest entries."""
    from playwright.sync_api import sync_playwright

    entries = []
    with serve(site) as base:
        with sync_playwright() as p:
            chromium = p.chromium.launch(executable_path=browser.CHROMIUM, args=browser.CHROMIUM_ARGS)
            tab = chromium.new_page()
            for lang in languages:
                for page in names:
                    source = Path(site) / handouts.url_path(page, lang) / "index.html"
                    if not source.exists():
                        raise SystemExit(
                            f"Halaman '{page}' ({lang}) tidak ada di {source}. Jalankan dulu "
                            "'make build', atau periksa daftar halaman kunci di "
                            "scripts/pmi_aman/handouts.py."
                        )
                    target = handouts.pdf_path(page, lang, out)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    heading = browser.print_pdf(tab, base + handouts.url_path(page, lang), target)
                    entries.append(
                        {
                            "page": page,
                            "lang": lang,
                            "title": title_of(page, lang) or heading,
                            "file": target.name,
                            "pages": len(PdfReader(target).pages),
                            "bytes": target.stat().st_size,
                            "budget": handouts.budget(page),
                        }
                    )
            chromium.close()
    return entries


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", default="site", help="the built site (default: site)")
    parser.add_argument("--out", default=str(handouts.PDF_DIR), help="folder for the PDFs")
    parser.add_argument("--manifest", default=str(handouts.MANIFEST), help="list of the PDFs (JSON)")
    parser.add_argument("--lang", action="append", choices=LANGUAGES, help="language (repeatable)")
    parser.add_argument("--page", action="append", help="page name (repeatable; default: key pages)")
    args = parser.parse_args(argv)

    started = time.monotonic()
    entries = make(args.site, Path(args.out), args.lang or list(LANGUAGES), args.page or list(handouts.KEY_PAGES))
    manifest = Path(args.manifest)
    manifest.parent.mkdir(parents=True, exist_ok=True)
    manifest.write_text(json.dumps(entries, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for e in entries:
        limit = f"batas {e['budget']}" if e["budget"] is not None else "tanpa batas"
        print(f"  {e['lang']:<3} {e['file']:<28} {e['pages']:>3} halaman ({limit}), "
              f"{handouts.format_size(e['bytes'])}")
    print(f"{len(entries)} selebaran PDF dibuat dalam {time.monotonic() - started:.1f} detik.")
    problems = handouts.budget_problems(entries)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
