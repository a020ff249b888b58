"""Give each language its own search index.

mkdocs-static-i18n merges every language into one search/search_index.json. After its own
post-build step (priority -100) this hook splits that file: Indonesian pages stay in
search/search_index.json, Banjar pages go to bjn/search/search_index.json with locations
relative to /bjn/. overrides/main.html points Material's search on Banjar pages at /bjn/.
For the offline edition, a search_index.js copy of each index is written beside it as well.
"""

import json
from pathlib import Path

from mkdocs.plugins import event_priority

from pmi_aman import DEFAULT_LANGUAGE


def split_index(index, languages):
    """Return {lang: index} with each document in the index of its own language."""
    result = {}
    for lang in languages:
        prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
        docs = []
        for doc in index["docs"]:
            location = doc["location"]
            owner = next(
                (other for other in languages
                 if other != DEFAULT_LANGUAGE and location.startswith(f"{other}/")),
                DEFAULT_LANGUAGE,
            )
            if owner == lang:
                docs.append({**doc, "location": location[len(prefix):]})
        result[lang] = {"config": index["config"], "docs": docs}
    return result


@event_priority(-150)
def on_post_build(config):
    i18n = config.plugins["i18n"]
    if i18n.building:  # an inner per-language build: the index is not complete yet
        return
    site = Path(config.site_dir)
    index_path = site / "search" / "search_index.json"
    if not index_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    for lang, part in split_index(index, list(i18n.build_languages)).items():
        folder = site / ("" if lang == DEFAULT_LANGUAGE else lang) / "search"
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(part, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(text, encoding="utf-8")
        (folder / "search_index.js").write_text(f"var __index = {text};", encoding="utf-8")
