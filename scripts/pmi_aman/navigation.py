"""The `nav:` of mkdocs.yml as text: where a page's line is, and where a new page's line goes.

mkdocs.yml is read as text here, on purpose: `make page` inserts one line (keeping comments and
layout), and `make check` names the line an editor must add. Everything else reads the
navigation from MkDocs' own configuration.
"""

import re

DEFAULT_SECTION = "Lainnya"
ACTIVITIES = "kegiatan/"


class Refused(Exception):
    """The page cannot be placed; the message tells the editor why and what to do."""


ITEM = re.compile(r"^(?P<indent>\s*)- (?:(?P<key>[^:#]+?):)?\s*(?P<value>[^#]*?)\s*(#.*)?$")


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def is_content(line):
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def nav_block(lines):
    """(first, end) line indexes of the entries under `nav:` (end is exclusive)."""
    for index, line in enumerate(lines):
        if re.match(r"^nav:\s*(#.*)?$", line):
            end = index + 1
            for later in range(index + 1, len(lines)):
                if is_content(lines[later]) and indent_of(lines[later]) == 0:
                    break
                if is_content(lines[later]):
                    end = later + 1
            return index + 1, end
    raise Refused("mkdocs.yml tidak punya bagian 'nav:'. Tambahkan halaman ke navigasi sendiri.")


def page_path(line):
    match = ITEM.match(line)
    if not match:
        return None
    value = match.group("value").strip("'\"")
    return value if value.endswith(".md") else None


def sections(lines, first, end):
    """{title: (line index of '- Title:', index after its last item, item indentation)}."""
    found = {}
    for index in range(first, end):
        match = ITEM.match(lines[index])
        if not match or match.group("value") or not match.group("key"):
            continue
        own = indent_of(lines[index])
        last, item_indent = index, None
        for later in range(index + 1, end):
            if not is_content(lines[later]):
                continue
            if indent_of(lines[later]) <= own:
                break
            last = later
            if item_indent is None:
                item_indent = indent_of(lines[later])
        if item_indent is not None:
            found[match.group("key").strip().strip("'\"")] = (index, last + 1, item_indent)
    return found


def nav_insertion(text, name, section=None):
    """(line index, line to insert) for `name` in the nav of mkdocs.yml `text`."""
    lines = text.split("\n")
    first, end = nav_block(lines)
    target = f"{name}.md"
    for index in range(first, end):
        if page_path(lines[index]) == target:
            raise Refused(f"mkdocs.yml sudah memuat '{target}' di navigasi (baris {index + 1}).")
    if section is None and name.startswith(ACTIVITIES):
        activities = [i for i in range(first, end) if (page_path(lines[i]) or "").startswith(ACTIVITIES)]
        if activities:
            last = activities[-1]
            return last + 1, " " * indent_of(lines[last]) + f"- {target}"
    found = sections(lines, first, end)
    wanted = section or DEFAULT_SECTION
    match = next((t for t in found if t.casefold() == wanted.strip().casefold()), None)
    if match is None:
        names = ", ".join(f"'{t}'" for t in found)
        raise Refused(f"bagian navigasi '{wanted}' tidak ada di mkdocs.yml. Pilih salah satu: {names}.")
    _, after, item_indent = found[match]
    return after, " " * item_indent + f"- {target}"


def section_title(lines, index):
    """The title of the nav section a line inserted at `index` belongs to ('' at the top)."""
    below = next((lines[i] for i in range(index - 1, -1, -1) if is_content(lines[i])), "")
    own = indent_of(below)
    for earlier in range(index - 1, -1, -1):
        match = ITEM.match(lines[earlier])
        if match and match.group("key") and not match.group("value") and indent_of(lines[earlier]) < own:
            return match.group("key").strip().strip("'\"")
        if re.match(r"^nav:", lines[earlier]):
            break
    return ""


def nav_line_of(text, target):
    """1-based line of the nav entry for `target` (e.g. biaya.md); 0 when there is none."""
    lines = text.split("\n")
    try:
        first, end = nav_block(lines)
    except Refused:
        return 0
    return next((i + 1 for i in range(first, end) if page_path(lines[i]) == target), 0)
