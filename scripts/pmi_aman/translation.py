"""State of each Banjar translation: missing, draft, outdated or reviewed."""

from dataclasses import dataclass

from . import pages

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
    return Status(name, state, now, pinned, review, info.get("reviewer") or "", words)


def all_statuses(docs=None):
    return [status_of(name, by_lang) for name, by_lang in pages.pairs(docs)]
