"""Render {{ kontak: ... }}, {{ fakta: ... }}, {{ pidana: ... }} and {{ tabel: ... }} from data/.

Before rendering, the page's source is checked (front matter, unsafe HTML, typed-in contacts,
article numbers...): any problem stops the build with the file and line.
"""

from pmi_aman import content_checks, facts, pages
from pmi_aman.problems import ContentError


def on_pre_build(config):
    problems = facts.check_data()
    if problems:
        raise ContentError(problems)


def on_page_markdown(markdown, page, config, files):
    lang = config.plugins["i18n"].current_language
    source = pages.read_page(page.file.abs_src_path)
    problems = source.problems + content_checks.check_page(source, lang)
    if problems:
        raise ContentError(problems)
    rendered, _ = facts.render(markdown, lang, source.rel)
    return rendered
