"""The interface strings: data/strings/<lang>.yml, one file per language with the same keys.

    load(lang)       the strings of one language, as nested dicts: load("bjn")["facts"]["and"]
    Interface(lang)  the same for the templates, as the Jinja global `strings`:
                     {{ strings.t("print.source") }} (pmi_aman.plugin.publish)
    check()          Problems (file, line, in Indonesian) when the files do not have the same keys

A top-level section written `~` is not used in that language (Material's own strings for
Indonesian pages, the review kit in Banjar). A key missing in a language's file is taken from
the Indonesian file, so that `make check` can report it and still build; a strict build stops
at check() first.

Every call reads the file again, so each build (also each rebuild of `make serve`) sees the
file as it is now; the YAML is only parsed again when the text has changed.
"""

import string

import yaml

from . import DATA, DEFAULT_LANGUAGE, LANGUAGES
from .problems import ContentError, Problem

FOLDER = DATA / "strings"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_parsed = {}  # path -> (text, data): the last text read and what it parsed to
_REQUIRED = object()
TEXT = "tag:yaml.org,2002:str"


def path(lang, folder=None):
    return (folder or FOLDER) / f"{lang}.yml"


def rel(file):
    try:
        return file.resolve().relative_to(DATA.parent).as_posix()
    except ValueError:
        return file.as_posix()


def _read(file):
    """(text, data) of one file; ContentError when it is missing or not a YAML mapping."""
    if not file.is_file():
        raise ContentError([Problem(rel(file), 0, (
            "file teks antarmuka ini tidak ada. Setiap bahasa punya satu file di data/strings/ "
            f"({', '.join(f'{lang}.yml' for lang in LANGUAGES)}) dengan kunci yang sama."))])
    text = file.read_text(encoding="utf-8")
    last = _parsed.get(file)
    if last and last[0] == text:
        return last
    try:
        data = yaml.load(text, Loader=LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise ContentError([Problem(rel(file), mark.line + 1 if mark else 0, (
            f"bukan YAML yang sah ({error.problem}). Periksa spasi di depan baris dan tanda "
            "titik dua; teks yang memuat ': ' atau diawali '{', '|', '[' atau tanda kutip "
            'ditulis di antara tanda kutip "...".'))]) from None
    if not isinstance(data, dict):
        raise ContentError([Problem(rel(file), 1, (
            "file ini harus berisi bagian-bagian 'nama: ...' seperti data/strings/id.yml."))])
    _parsed[file] = (text, data)
    return _parsed[file]


def _merged(base, own):
    """own, with every key it lacks taken from base."""
    if not isinstance(base, dict) or not isinstance(own, dict):
        return base if own is None else own
    out = dict(base)
    for key, value in own.items():
        out[key] = _merged(base.get(key), value)
    return out


def load(lang, folder=None):
    """The strings of one language (nested dicts). Do not change what it returns."""
    own = _read(path(lang, folder))[1]
    if lang == DEFAULT_LANGUAGE:
        return own
    return _merged(_read(path(DEFAULT_LANGUAGE, folder))[1], own)


class Interface:
    """The Jinja global `strings` of one language build: strings.t("section.key")."""

    def __init__(self, lang, folder=None):
        self.lang = lang
        self.file = path(lang, folder)
        self.data = load(lang, folder)

    def t(self, key, default=_REQUIRED):
        """The text of "section.key" (only the first dot separates: "theme.action.edit").
        Unknown: `default` if given, else an error naming the key."""
        section, _, name = key.partition(".")
        value = self.data.get(section)
        if name:
            value = value.get(name) if isinstance(value, dict) else None
        if isinstance(value, str):
            return value
        if default is not _REQUIRED:
            return default
        raise ContentError([Problem(rel(self.file), 0, (
            f"templat memakai teks antarmuka '{key}', tetapi kunci itu tidak ada di file ini. "
            f"Tambahkan '{name or section}:' di bawah '{section}:' (di setiap data/strings/*.yml), "
            "atau perbaiki nama kuncinya di templat."))])


# ---- The check: same keys in every language ---------------------------------------------------


def _keys(node, prefix=()):
    """{key path: (line, value node)} of a composed YAML mapping, and the duplicated keys."""
    found, doubles = {}, []
    for key_node, value_node in node.value:
        key = prefix + (str(key_node.value),)
        line = key_node.start_mark.line + 1
        if key in found:
            doubles.append((key, found[key][0], line))
        found[key] = (line, value_node)
        if isinstance(value_node, yaml.MappingNode):
            inner, twice = _keys(value_node, key)
            found.update(inner)
            doubles += twice
    return found, doubles


def _is_null(node):
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _fields(text):
    """The {names} of a text; None when its braces do not pair up."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:
        return None


def _name(key):
    return ".".join(key)


def _file_problems(lang, folder):
    """(keys, problems) of one file: its keys, and its duplicated keys and texts that are empty,
    not text, or with unpaired braces."""
    file = path(lang, folder)
    try:
        text = _read(file)[0]
    except ContentError as error:
        return None, error.problems
    keys, doubles = _keys(yaml.compose(text, Loader=LOADER))
    where = rel(file)
    problems = [Problem(where, second, (
        f"kunci '{_name(key)}' ditulis dua kali (baris {first} dan {second}); yang terakhir "
        "menimpa yang pertama. Hapus salah satu.")) for key, first, second in doubles]
    for key, (line, node) in keys.items():
        if _is_null(node) and len(key) > 1:
            problems.append(Problem(where, line, (
                f"'{_name(key)}' belum berisi teks. Tulis teksnya sesudah titik dua, atau \"\" "
                "kalau memang kosong.")))
        elif isinstance(node, yaml.ScalarNode) and node.tag != TEXT and not _is_null(node):
            problems.append(Problem(where, line, (
                f"'{_name(key)}' dibaca sebagai angka atau ya/tidak ({node.value}), bukan teks. "
                f'Apit teksnya dengan tanda kutip: "{node.value}".')))
        elif isinstance(node, yaml.ScalarNode) and _fields(node.value) is None:
            problems.append(Problem(where, line, (
                f"'{_name(key)}': tanda {{ dan }} tidak berpasangan. {{nama}} diganti saat build "
                "(angka, tanggal, judul); tulis persis seperti di file bahasa lain.")))
        elif isinstance(node, yaml.SequenceNode):
            problems.append(Problem(where, line, (
                f"'{_name(key)}' berisi daftar (- ...), padahal harus satu teks.")))
    return keys, problems


def check(folder=None):
    """Problems when a file is missing, broken, or has other keys than the Indonesian file."""
    files = {lang: _file_problems(lang, folder) for lang in LANGUAGES}
    problems = [p for _, found in files.values() for p in found]
    base = files[DEFAULT_LANGUAGE][0]
    base_file = rel(path(DEFAULT_LANGUAGE, folder))
    for lang in LANGUAGES:
        keys = files[lang][0]
        if lang == DEFAULT_LANGUAGE or keys is None or base is None:
            continue
        problems += _compare(base, base_file, keys, rel(path(lang, folder)))
    return problems


def _skipped(keys, key):
    """Whether a top-level section above (or at) key is `~` in that file: not used there."""
    return key[:1] in keys and _is_null(keys[key[:1]][1])


def _compare(base, base_file, keys, file):
    problems = []
    for one, one_file, other, other_file in ((base, base_file, keys, file), (keys, file, base, base_file)):
        for key, (line, node) in one.items():
            if key in other or _skipped(other, key):
                continue
            if len(key) > 1 and not isinstance(other.get(key[:-1], (0, None))[1], yaml.MappingNode):
                continue  # its section is missing there (or not a section): reported once, for the section
            parent = other.get(key[:-1], (0,))[0]
            under = f" di bawah '{_name(key[:-1])}:' (baris {parent})" if len(key) > 1 else ""
            unused = "" if len(key) > 1 else " Bagian yang tidak dipakai bahasa ini ditulis '~'."
            problems.append(Problem(other_file, parent, (
                f"kunci '{_name(key)}' ada di {one_file} (baris {line}) tetapi tidak ada di file "
                f"ini. Tambahkan '{key[-1]}:'{under} dengan teksnya dalam bahasa file ini, atau "
                f"hapus kunci itu dari {one_file} kalau tidak dipakai lagi.{unused}")))
    for key, (line, node) in keys.items():
        theirs = base.get(key, (0, None))[1]
        if isinstance(node, yaml.ScalarNode) and isinstance(theirs, yaml.ScalarNode):
            if _is_null(node) or _is_null(theirs):
                continue
            mine, expected = _fields(node.value), _fields(theirs.value)
            if None not in (mine, expected) and mine != expected:
                problems.append(Problem(file, line, (
                    f"'{_name(key)}' memakai {_braces(mine)}, padahal {base_file} memakai "
                    f"{_braces(expected)}. Tulis tanda {{...}} yang sama persis (yang di dalam "
                    "kurung kurawal tidak diterjemahkan).")))
        elif isinstance(node, yaml.MappingNode) != isinstance(theirs, yaml.MappingNode) and not (
                len(key) == 1 and (_is_null(node) or _is_null(theirs))):
            kind = "bagian berisi kunci-kunci" if isinstance(theirs, yaml.MappingNode) else "satu teks"
            problems.append(Problem(file, line, (
                f"'{_name(key)}' di {base_file} adalah {kind}; tulis dengan bentuk yang sama di "
                "sini.")))
    return problems


def _braces(fields):
    return ", ".join("{" + name + "}" for name in sorted(fields)) if fields else "tanpa tanda {...}"
