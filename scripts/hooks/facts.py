"""Render {{ kontak: ... }}, {{ fakta: ... }}, {{ pidana: ... }} and {{ tabel: ... }} from data/.

Before rendering, the page's source is checked (front matter, unsafe HTML, typed-in contacts,
article numbers...): in a strict build (`make build`, `make site`) any problem stops the build
with the file and line; in the non-strict build that `make check` runs, the problems are logged
as warnings and the build goes on, so that one run reports every page (pmi_aman.build_check).
"""

import logging

from pmi_aman import DEFAULT_LANGUAGE, content_checks, facts, freshness, pages
from pmi_aman.problems import report_or_raise

# INFO, not WARNING: `mkdocs build --strict` would stop on a warning, and these must not stop it.
log = logging.getLogger("mkdocs.hooks.facts")


def on_pre_build(config):
    # `make serve` rebuilds in the same process when data/ changes: read data/*.yml afresh.
    content_checks.forget_data()
    report_or_raise(facts.check_data(), config)
    # static-i18n builds once per language: warn once, in the default language's build.
    if getattr(config.plugins.get("i18n"), "current_language", None) in (None, DEFAULT_LANGUAGE):
        for warning in facts.data_warnings() + freshness.check_pages():
            log.info("PERINGATAN %s", warning)


def on_page_markdown(markdown, page, config, files):
    lang = config.plugins["i18n"].current_language
    source = pages.read_page(page.file.abs_src_path)
    report_or_raise(source.problems + content_checks.check_page(source, lang), config)
    for placeholder in content_checks.check_placeholder(source, lang):  # fails `make check` only
        log.info("PERINGATAN %s", placeholder)
    rendered, _ = facts.render(markdown, lang, source.rel)
    return rendered
