#!/usr/bin/env python3
"""Every check of the site's correctness, in one command: `make check`.

0. with --build (what `make check` runs): the MkDocs builds themselves, public site (with its
   handout PDFs and their page budgets) and offline edition (with its ZIPs), not strict, so
   that they do not stop at the first problem: the plugin's problems and MkDocs' own link,
   anchor and navigation warnings, in Indonesian with file and line (pmi_aman.build_check);
1. the Markdown sources, both languages (docs/**/*.md): front matter, unsafe HTML, typed-in
   contacts, penalties and ages, article numbers of UU 18/2017, drafting leftovers, unknown
   {{ ... }} placeholders, pages still holding the placeholder sentence of `make page`
   (pmi_aman.pages and pmi_aman.content_checks). With --build the build has run these on every
   page, so they run here only without it (over an existing site/);
2. the built site (site/**/*.html): internal links and anchors, images and their alt text,
   external links, contact links (pmi_aman.site_checks, the one link checker of the built
   HTML); and the offline edition build/offline/ too, with file:// semantics (page.html
   links; a folder or /... link is broken there);
3. each Banjar page against its Indonesian page: same headings, links, data, lists, article
   numbers and numbers (pmi_aman.structure; `make translation-status` shows the same with each
   page's state);
4. the data files (pmi_aman.facts.check_data): fields, marks, fact-sheet references, contact age
   (with --build, the build's own check). Warnings (PERINGATAN: old page reviews, contacts to
   re-confirm) are printed but do not fail;
5. valid HTML in all built pages (site/ and, when built, the offline edition build/offline/),
   checked by the Nu HTML Checker in one run (pmi_aman.html_validator; `make vnu` installs it);
6. Banjar: false friends and register slips (pmi_aman.banjar; `make banjar-check` adds the
   word shares).

Only in the tests (`make test`), because they need a real browser (Chromium) and take minutes:
accessibility (axe-core), what a printed page shows (no menus on paper, the QR code decoded),
the offline edition and the service workers at work (search without a network, no request to
another host), and the page-weight budgets (tests/test_performance.py; `make bench` prints them).

Each step runs even when an earlier one found problems (or failed), so one run reports every
problem (a new check is one more `problems += step(...)` line in main); each problem is
printed once, at its source. Prints every problem as
`file:line: message` (in Indonesian) and a summary line with the count and the time taken.
Exit status 1 when there is any problem.
"""

import argparse
import sys
import time
from pathlib import Path

from pmi_aman import (DOCS, LANGUAGES, ROOT, banjar, build_check, content_checks, facts, freshness,
                      html_validator, pages, site_checks, structure)
from pmi_aman.problems import Problem


def source_problems(docs):
    problems, count = [], 0
    for lang in LANGUAGES:
        for path in pages.markdown_files(lang, docs):
            page = pages.read_page(path, lang=lang)
            problems += (page.problems + content_checks.check_page(page, lang)
                         + content_checks.check_placeholder(page, lang))
            count += 1
    return problems, count


def banjar_errors(docs):
    """False friends and register slips in the Banjar pages and data (`make banjar-check`
    shows the same with the word shares)."""
    lexicon = banjar.load()
    reports = banjar.analyse_site(docs, lexicon) + banjar.analyse_data(lexicon=lexicon)
    return [problem for report in reports for problem in report.errors()]


def step(name, check, *args):
    """Run one check; a check that fails is one more problem, and the other checks still run."""
    try:
        return check(*args)
    except Exception as error:  # noqa: BLE001 - reported to the editor, not hidden
        return [Problem("scripts/check_site.py", 0, f"pemeriksaan '{name}' gagal berjalan "
                        f"({type(error).__name__}: {error}). Laporkan pesan ini ke pengelola situs.")]


def main(argv=None):
    parser = argparse.ArgumentParser(description="Periksa sumber Markdown dan situs hasil build.")
    parser.add_argument("--docs", type=Path, default=DOCS, help="folder sumber (bawaan: docs)")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="folder hasil build (bawaan: site)")
    parser.add_argument("--build", action="store_true",
                        help="bangun situs dulu (tanpa berhenti pada masalah pertama), seperti 'make check'")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    problems, built = [], build_check.Result()
    offline_fresh = not args.build  # build/offline/ as `make site` left it, or rebuilt below
    if args.build:
        built = build_check.run(ROOT / "mkdocs.yml", args.site)
        problems += built.problems
        if built.built:  # the offline edition, which also writes its ZIPs into site/unduh/
            offline = build_check.run(ROOT / "mkdocs-offline.yml")
            problems += offline.problems
            built.links |= offline.links
            offline_fresh = offline.built
    markdown = 0

    def sources():
        nonlocal markdown
        found, markdown = source_problems(args.docs)
        return found

    if args.build and built.built:  # the build checked every page's source (pmi_aman.plugin.render)
        markdown = sum(len(pages.markdown_files(lang, args.docs)) for lang in LANGUAGES)
    else:
        problems += step("sumber Markdown", sources)
    problems += step("struktur terjemahan", structure.check_all, args.docs)
    html = len(list(args.site.rglob("*.html"))) if args.site.is_dir() else 0
    if args.build and not built.built:
        problems.append(Problem(pages.relative(args.site), 0, "build berhenti sebelum selesai, jadi "
                                "situs hasil build tidak diperiksa. Perbaiki masalah lain yang disebut, lalu "
                                "jalankan 'make check' lagi."))
    elif html:
        # site/ and the offline edition build/offline/ (after `make site` or `make check`, both
        # are fresh): links, then valid HTML.
        default_site = args.site.resolve() == (ROOT / "site").resolve()
        offline = ROOT / "build" / "offline"
        offline = offline if default_site and offline_fresh and offline.is_dir() else None
        problems += step("situs hasil build", site_checks.check_editions, args.site, offline,
                         args.docs, ROOT, built.links, True)
        folders = html_validator.built_folders(ROOT) if offline else [args.site]
        problems += step("HTML sah", html_validator.check_files, folders, args.docs)
    else:
        problems.append(Problem(pages.relative(args.site), 0, "situs hasil build belum ada. "
                                      "Jalankan 'make build' dulu (atau 'make check')."))
    if not (args.build and built.built):  # the build checks data/*.yml before it starts
        problems += step("data", facts.check_data)  # fields, marks, fact-sheet refs, contact age
    problems += step("bahasa Banjar", banjar_errors, args.docs)
    for problem in sorted(set(problems), key=lambda p: (p.path, p.line, p.message)):
        print(problem)
    # Warnings (old reviews, contacts marked for re-confirmation) never change the exit status.
    for warning in facts.data_warnings() + freshness.check_pages(args.docs):
        print(f"PERINGATAN {warning}")
    seconds = f"{time.perf_counter() - start:.2f}".replace(".", ",")
    verdict = f"{len(set(problems))} masalah" if problems else "tidak ada masalah"
    print(f"Pemeriksaan selesai: {verdict} ({markdown} halaman Markdown, {html} halaman HTML, "
          f"{seconds} detik).")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
