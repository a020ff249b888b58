"""Periksa tawaran kerja (pmi_aman/offer_check.py): data/offer_check.yml is checked before the
build (a question without its Pasal, or with an unknown penalty or contact, stops it with the
file, the question and the line), and a page that shows the checklist, also as a chapter of
the whole guide, gets the checklist's stylesheet and script (overrides/main.html).
Listed after whole_guide.py, whose chapters exist only from its on_page_context."""

from pmi_aman import offer_check
from pmi_aman.problems import ContentError


def on_pre_build(config):
    problems = offer_check.check()
    if problems:
        raise ContentError(problems)


def on_page_context(context, page, config, nav):
    chapters = page.meta.get("chapters") or []
    html = (page.content or "") + "".join(chapter["html"] for chapter in chapters)
    if offer_check.MARKER in html:
        page.meta["offer_check"] = True
    return context
