"""State of each Banjar translation: missing, draft, outdated or reviewed."""

import html
from dataclasses import dataclass

from . import pages, strings

MISSING, OUTDATED, DRAFT, REVIEWED = "hilang", "usang", "draf", "ditinjau"


@dataclass
class Status:
    name: str  # path inside the language folder, e.g. biaya.md
    state: str  # one of MISSING, OUTDATED, DRAFT, REVIEWED
    source_now: str  # hash of the Indonesian page today
    source_pinned: str  # hash the translation was made from ("" when missing)
    review: str  # draf / ditinjau / "" when missing
    reviewer: str
    words: int  # words in the Banjar page body
    reviewed_on: str = ""  # date of the review (YYYY-MM-DD), "" when not recorded


def status_of(name, by_lang):
    id_path, bjn_path = by_lang["id"], by_lang["bjn"]
    now = pages.source_hash(pages.read_page(id_path).body) if id_path else ""
    if bjn_path is None or id_path is None:
        return Status(name, MISSING, now, "", "", "", 0)
    page = pages.read_page(bjn_path)
    info = page.meta.get("translation") or {}
    pinned = str(info.get("source") or "")
    review = info.get("status") or ""
    words = len(page.body.split())
    state = OUTDATED if pinned != now else (REVIEWED if review == REVIEWED else DRAFT)
    on = info.get("reviewed_on")
    return Status(name, state, now, pinned, review, str(info.get("reviewer") or ""), words,
                  on.isoformat() if hasattr(on, "isoformat") else str(on or ""))


def all_statuses(docs=None):
    return [status_of(name, by_lang) for name, by_lang in pages.pairs(docs)]


# The translators' status table, {{ tabel: status-terjemahan }} (docs/*/status-terjemahan.md);
# its head and total line are in data/strings/<lang>.yml (translation_status:). The state names
# are the same in both languages; each status page explains them.
STATE_NAMES = {MISSING: "**Hilang**", OUTDATED: "**Usang**", DRAFT: "Draf", REVIEWED: "Ditinjau"}


def page_link(status, lang, directory_urls=True):
    """A link to the Banjar page, from a status page at the top of its language folder.

    From the Indonesian page a Markdown link cannot reach the Banjar folder (each language is
    built on its own), so that link is HTML, relative to status-terjemahan/ (or .html).
    """
    if status.state == MISSING:
        return f"`docs/bjn/{status.name}`"
    path = pages.DOCS / "bjn" / status.name
    title = str(pages.read_page(path).meta.get("title") or status.name).replace("|", "-")
    if lang == "bjn":
        return f"[{title}]({status.name})"
    url = status.name[: -len(".md")]
    if directory_urls:
        url = "../bjn/" + (url[: -len("index")] if url == "index" or url.endswith("/index") else url + "/")
    else:
        url = f"bjn/{url}.html"
    return f'<a href="{url}" hreflang="bjn" lang="bjn">{html.escape(title)}</a>'


def status_table(lang, directory_urls=True):
    words = strings.load(lang)["translation_status"]
    statuses = all_statuses()
    rows = [words["head"], "| --- | --- | --- | ---: |"]
    for s in statuses:
        reviewer = s.reviewer.replace("|", "-") if s.state == REVIEWED else "-"
        if s.state == REVIEWED and s.reviewed_on:
            reviewer += f" ({s.reviewed_on})"
        rows.append(f"| {page_link(s, lang, directory_urls)} | {STATE_NAMES[s.state]} | {reviewer} | {s.words} |")
    counts = {state: sum(1 for s in statuses if s.state == state) for state in STATE_NAMES}
    return "\n".join(rows) + "\n\n" + words["total"].format(n=len(statuses), **counts)
