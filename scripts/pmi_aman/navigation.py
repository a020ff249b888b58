"""The `nav:` of mkdocs.yml: where a page's entry is, and where a new page's entry goes.

Read with ruamel.yaml's round trip, which keeps comments, order and layout: `make page`
(scripts/new_page.py) adds one entry with `add_page`, and `make check` (build_check) names the
line an editor must add (`nav_insertion`), both from the one rule of `_place`. Everything else
reads the navigation from MkDocs' own configuration.
"""

import io

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.tokens import CommentToken

DEFAULT_SECTION = "Lainnya"
ACTIVITIES = "kegiatan/"


class Refused(Exception):
    """The page cannot be placed; the message tells the editor why and what to do."""


def _yaml():
    """Round-trip YAML in mkdocs.yml's layout (list items two spaces in, then '- ')."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _load(yaml, text):
    tree = yaml.load(text)
    nav = tree.get("nav") if isinstance(tree, CommentedMap) else None
    if not isinstance(nav, CommentedSeq):
        raise Refused("mkdocs.yml tidak punya bagian 'nav:'. Tambahkan halaman ke navigasi sendiri.")
    return tree, nav


def _section(item):
    """(title, items) of a nav item '- Title:' with entries under it, else None."""
    if isinstance(item, CommentedMap) and len(item) == 1:
        ((title, value),) = item.items()
        if isinstance(value, CommentedSeq) and len(value):
            return str(title), value
    return None


def _page(item):
    """The page a nav item names ('x.md' or 'Title: x.md'), else None."""
    if isinstance(item, CommentedMap) and len(item) == 1:
        item = next(iter(item.values()))
    return str(item) if isinstance(item, str) and str(item).endswith(".md") else None


def _walk(items, title=""):
    """(list, index, item, title of the section it is in) for every nav item, depth first."""
    for index, item in enumerate(items):
        yield items, index, item, title
        section = _section(item)
        if section:
            yield from _walk(section[1], section[0])


def _last_leaf(items, index):
    """(list, index) of the last plain entry of item `index` of a nav list, inside its sections."""
    section = _section(items[index])
    if section:
        return _last_leaf(section[1], len(section[1]) - 1)
    return items, index


def _end(items, index):
    """The last line (0-based) of item `index` of a nav list, its sub-entries included."""
    items, index = _last_leaf(items, index)
    item = items[index]
    if isinstance(item, CommentedMap):
        return item.lc.value(next(iter(item)))[0]
    return items.lc.item(index)[0]


def _place(nav, name, section=None):
    """(list, index, section title) where the entry for page `name` goes: after the last
    activity for kegiatan/..., else at the end of `section` (by default 'Lainnya')."""
    target = f"{name}.md"
    items = list(_walk(nav))
    for where, index, item, _ in items:
        if _page(item) == target:
            raise Refused(f"mkdocs.yml sudah memuat '{target}' di navigasi (baris {where.lc.item(index)[0] + 1}).")
    if section is None and name.startswith(ACTIVITIES):
        activities = [(where, index, title) for where, index, item, title in items
                      if (_page(item) or "").startswith(ACTIVITIES)]
        if activities:
            where, index, title = activities[-1]
            return where, index + 1, title
    found = dict(filter(None, (_section(item) for _, _, item, _ in items)))
    wanted = section or DEFAULT_SECTION
    match = next((title for title in found if title.casefold() == wanted.strip().casefold()), None)
    if match is None:
        names = ", ".join(f"'{title}'" for title in found)
        raise Refused(f"bagian navigasi '{wanted}' tidak ada di mkdocs.yml. Pilih salah satu: {names}.")
    return found[match], len(found[match]), match


def _entry_line(items, index, name):
    """(0-based line, text) of the entry for `name` put in front of item `index`."""
    indent = items.lc.item(index - 1)[1] - 2  # the column of the previous item's '- '
    return _end(items, index - 1) + 1, " " * indent + f"- {name}.md"


def nav_placement(text, name, section=None):
    """(line index, line to insert, title of its section or '') for `name` in the nav of
    mkdocs.yml `text`."""
    _, nav = _load(_yaml(), text)
    items, index, title = _place(nav, name, section)
    return (*_entry_line(items, index, name), title)


def nav_insertion(text, name, section=None):
    """(line index, line to insert) for `name` in the nav of mkdocs.yml `text`."""
    return nav_placement(text, name, section)[:2]


def _comment_slot(items, index):
    """(mapping of comments, key, slot) of the comment ruamel keeps after item `index`."""
    items, index = _last_leaf(items, index)
    item = items[index]
    if isinstance(item, CommentedMap):
        return item.ca.items, next(iter(item)), 2
    return items.ca.items, index, 0


def add_page(text, name, section=None):
    """mkdocs.yml `text` with an entry for page `name`, and the entry's line (1-based). Only
    that line is added: comments, blank lines and layout stay as they are."""
    yaml = _yaml()
    tree, nav = _load(yaml, text)
    items, index, _ = _place(nav, name, section)
    line, _ = _entry_line(items, index, name)
    # ruamel keeps the blank lines and comment lines after an item with that item's own
    # comment: move them after the new entry, so that the entry follows the item directly.
    comments, key, slot = _comment_slot(items, index - 1)
    token = (comments.get(key) or [None] * 4)[slot]
    items.insert(index, f"{name}.md")
    if token is not None:
        own, _, after = token.value.partition("\n")
        if after:
            token.value = own + "\n"
            items.ca.items[index] = [CommentToken("\n" + after, token.start_mark, None), None, None, None]
    out = io.StringIO()
    yaml.dump(tree, out)
    return out.getvalue(), line + 1


def nav_line_of(text, target):
    """1-based line of the nav entry for `target` (e.g. biaya.md); 0 when there is none."""
    try:
        _, nav = _load(_yaml(), text)
    except Refused:
        return 0
    return next((where.lc.item(index)[0] + 1 for where, index, item, _ in _walk(nav) if _page(item) == target), 0)
