#!/usr/bin/env python3
"""Every check of the site's correctness, in one command: `make check` (builds first).

1. the Markdown sources, both languages (docs/**/*.md): front matter, unsafe HTML, typed-in
   contacts, penalties and ages, article numbers of UU 18/2017, drafting leftovers, unknown
   {{ ... }} placeholders (pmi_aman.pages and pmi_aman.content_checks; the build runs them too);
2. the built site (site/**/*.html): internal links and anchors, images and their alt text,
   external links, contact links (pmi_aman.site_checks);
3. each Banjar page against its Indonesian page: same headings, links, data, lists, article
   numbers and numbers (pmi_aman.structure; `make translation-status` shows the same with each
   page's state);
4. the data files (pmi_aman.facts.check_data): fields, marks, fact-sheet references, contact age.
   Warnings (PERINGATAN: old page reviews, contacts to re-confirm) are printed but do not fail;
5. valid HTML in all built pages (site/ and, when built, the offline edition build/offline/),
   checked by the Nu HTML Checker in one run (pmi_aman.html_validator; `make vnu` installs it).

Prints every problem as `file:line: message` (in Indonesian) and a summary line with the count
and the time taken. Exit status 1 when there is any problem.
"""

import argparse
import sys
import time
from pathlib import Path

from pmi_aman import DOCS, LANGUAGES, ROOT, content_checks, facts, freshness, html_validator, pages, site_checks, structure
from pmi_aman.problems import Problem


def source_problems(docs):
    problems, count = [], 0
    for lang in LANGUAGES:
        for path in pages.markdown_files(lang, docs):
            page = pages.read_page(path, lang=lang)
            problems += page.problems + content_checks.check_page(page, lang)
            count += 1
    return problems, count


def main(argv=None):
    parser = argparse.ArgumentParser(description="Periksa sumber Markdown dan situs hasil build.")
    parser.add_argument("--docs", type=Path, default=DOCS, help="folder sumber (bawaan: docs)")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="folder hasil build (bawaan: site)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    problems, markdown = source_problems(args.docs)
    problems += structure.check_all(args.docs)  # each Banjar page keeps its Indonesian structure
    html = len(list(args.site.rglob("*.html"))) if args.site.is_dir() else 0
    if html:
        problems += site_checks.check_site(args.site, args.docs, ROOT)
        default_site = args.site.resolve() == (ROOT / "site").resolve()
        folders = html_validator.built_folders(ROOT) if default_site else [args.site]  # + build/offline
        problems += html_validator.check_files(folders, args.docs)
    else:
        problems.append(Problem(pages.relative(args.site), 0, "situs hasil build belum ada. "
                                      "Jalankan 'make build' dulu (atau 'make check')."))
    problems += facts.check_data()  # data/*.yml: fields, marks, fact-sheet refs, contact age
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
