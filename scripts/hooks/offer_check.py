"""Periksa tawaran kerja (pmi_aman/offer_check.py).

- Before the build, data/offer_check.yml is checked: a question without its Pasal, or with an
  unknown penalty or contact, stops it with the file, the question and the line.
- The danger signs of each language are published as assets/javascripts/offer-check-<lang>.js,
  which offer-check.js loads only when the reader answers (keeps the first view small); the
  page gets its address, relative to the page, so that it also works from file://.
- A page showing the checklist gets its stylesheet and script (overrides/main.html); the whole
  guide, which shows it as a chapter, the stylesheet only. Listed after whole_guide.py, whose
  chapters exist only from its on_page_context.
"""

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from pmi_aman import offer_check
from pmi_aman.problems import ContentError


def on_pre_build(config):
    problems = offer_check.check()
    if problems:
        raise ContentError(problems)


def on_files(files, config):
    lang = config.plugins["i18n"].current_language
    name = offer_check.result_script_name(lang)
    # Written to build/ first: mkdocs-static-i18n needs every file to have a source path.
    source = offer_check.BUILD / name
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(offer_check.result_script(lang), encoding="utf-8")
    files.append(File.generated(config, name, abs_src_path=str(source)))
    return files


def on_page_content(html, page, config, files):
    if offer_check.MARKER not in html:
        return html
    lang = config.plugins["i18n"].current_language
    script = files.get_file_from_path(offer_check.result_script_name(lang))
    page.meta["offer_check"] = "script"
    return html.replace(offer_check.SRC_TOKEN, get_relative_url(script.url, page.url))


def on_page_context(context, page, config, nav):
    chapters = page.meta.get("chapters") or []
    if not page.meta.get("offer_check") and any(offer_check.MARKER in c["html"] for c in chapters):
        page.meta["offer_check"] = "style"
    return context
