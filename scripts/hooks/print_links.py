"""On paper an outside link shows its address after the text (print.css). Mark the links whose
text already is that address (siskop2mi.bp2mi.go.id), so that it is not printed twice."""

import re

LINK = re.compile(r'(<a\b[^>]*?\bhref="(https?://[^"]+)"[^>]*>)(.*?)</a>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")
MARK = "pmi-link--shown"


def _bare(url):
    url = url.strip().lower()
    url = re.sub(r"^https?://", "", url)
    url = re.sub(r"^www\.", "", url)
    return url.rstrip("/")


def _mark(match):
    opening, href, text = match.group(1), match.group(2), match.group(3)
    if _bare(TAG.sub("", text)) != _bare(href):
        return match.group(0)
    if 'class="' in opening:
        opening = opening.replace('class="', f'class="{MARK} ', 1)
    else:
        opening = opening.replace("<a", f'<a class="{MARK}"', 1)
    return opening + text + "</a>"


def on_page_content(html, page, config, files):
    return LINK.sub(_mark, html)
