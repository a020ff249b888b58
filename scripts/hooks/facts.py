"""Render {{ kontak: ... }}, {{ fakta: ... }}, {{ pidana: ... }} and {{ tabel: ... }} from data/.

Before rendering, the page's source is checked (front matter, unsafe HTML, typed-in contacts,
article numbers...): any problem stops the build with the file and line.
"""

import logging

from pmi_aman import DEFAULT_LANGUAGE, content_checks, facts, freshness, pages
from pmi_aman.problems import ContentError

# INFO, not WARNING: `mkdocs build --strict` would stop on a warning, and these must not stop it.
log = logging.getLogger("mkdocs.hooks.facts")


def on_pre_build(config):
    problems = facts.check_data()
    if problems:
        raise ContentError(problems)
    # static-i18n builds once per language: warn once, in the default language's build.
    if getattr(config.plugins.get("i18n"), "current_language", None) in (None, DEFAULT_LANGUAGE):
        for warning in facts.data_warnings() + freshness.check_pages():
            log.info("PERINGATAN %s", warning)


def on_page_markdown(markdown, page, config, files):
    lang = config.plugins["i18n"].current_language
    source = pages.read_page(page.file.abs_src_path)
    problems = source.problems + content_checks.check_page(source, lang)
    if problems:
        raise ContentError(problems)
    rendered, _ = facts.render(markdown, lang, source.rel)
    return rendered
