"""The declared shape of page front matter and of every data file in data/, as pydantic models,
and one function (`problems`) that turns what pydantic finds into Problems naming file and line,
in Indonesian.

Shape only: types, required keys, allowed values, dates, unknown keys (an editor's typo). What a
value means is checked where that meaning lives: a key that must exist in another file and an
offer question's Pasal (offer_check.py), the numbers in the fact sheet (source_refs.py), a
contact's age (freshness.py), a pin that matches the Indonesian page (translation.py).

The YAML is read with the line of every key and list item (`parse`), so that pydantic's error
location, e.g. ('kp2mi_whatsapp', 'kind'), becomes `data/contacts.yml:58`.
"""

import datetime as dt
import difflib
import re
import types
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal, Optional, Union, get_args, get_origin

import yaml
from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, TypeAdapter, ValidationError,
                      ValidationInfo, field_validator, model_validator)
from pydantic_core import PydanticCustomError

from . import LANGUAGES
from .problems import Problem, relative

PUBLISHABLE_MARKS = ("VERIFIED-VERBATIM", "FROM-SECONDARY-SOURCE")


# --- YAML with the line of every key ---------------------------------------------------------


class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when available: faster
    """Safe YAML, except that an impossible date (2026-02-30) stays text instead of raising
    ValueError, so that the schema names its line."""


def _date_or_text(loader, node):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


Loader.add_constructor("tag:yaml.org,2002:timestamp", _date_or_text)


@dataclass
class Document:
    """One YAML text: its data, the line of every key and list item, and its problems."""

    path: str  # shown to editors, e.g. data/contacts.yml
    data: Any = None
    lines: dict = field(default_factory=dict)  # ('criminal', 0, 'fine') -> 1-based line
    root_line: int = 1  # the line for a problem with the whole text
    problems: list = field(default_factory=list)
    bad: list = field(default_factory=list)  # pydantic locations of the shape problems

    def find(self, loc):
        """(the keys of `loc` that are in the text, the line of the deepest one). Parts that
        are not keys (pydantic's names of union members) and an absent last key are passed by."""
        path, line = (), self.root_line
        for part in loc:
            for key in (path + (part,), path + (str(part),)):
                if key in self.lines:
                    path, line = key, self.lines[key]
                    break
        return path, line

    def line(self, loc):
        return self.find(loc)[1]

    def clean(self, loc):
        """Whether the entry at `loc` (and everything around it) has the right shape."""
        loc = tuple(loc)
        return not any(bad[: len(loc)] == loc or loc[: len(bad)] == bad for bad in self.bad)


def _record(node, path, lines, offset):
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            here = path + (str(key.value),)
            lines[here] = key.start_mark.line + 1 + offset
            _record(value, here, lines, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            here = path + (index,)
            lines[here] = item.start_mark.line + 1 + offset
            _record(item, here, lines, offset)


def parse(text, path, offset=0, root_line=1, what="berkas ini"):
    """A Document from YAML text. `offset`: lines of the file before the text (1 for front
    matter, after its '---'). A text that is not YAML gives one problem at its line."""
    doc = Document(path, root_line=root_line)
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        doc.data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or "format YAML rusak"
        doc.problems.append(Problem(path, mark.line + 1 + offset if mark else root_line, (
            f"{what} tidak bisa dibaca ({reason}). Periksa titik dua, tanda kutip dan indentasi di "
            "baris ini; teks yang memuat ': ' atau {{ ... }} harus diapit tanda kutip \"...\".")))
        doc.bad.append(())
        return doc
    finally:
        loader.dispose()
    _record(node, (), doc.lines, offset)
    return doc


# --- building blocks ---------------------------------------------------------------------------

EMPTY = (None, "", [], {})  # reported as "belum punya ..." (see `problems`), never as a wrong value
MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def _rule(test, message):
    """A check before pydantic's own: an Indonesian `message` when `test(value)` is false.
    Empty values pass on, to be reported as missing."""
    def check(value):
        if value in EMPTY or test(value):
            return value
        raise PydanticCustomError("pmi", message)
    return BeforeValidator(check)


def _is_date(value):
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _not_future(value, info: ValidationInfo):
    if value > ((info.context or {}).get("today") or dt.date.today()):
        raise PydanticCustomError("pmi", "ada di masa depan. Tulis tanggal terakhir diperiksa, paling lambat hari ini.")
    return value


Text = Annotated[str, Field(min_length=1)]
Count = Annotated[int, Field(ge=0)]
# What a {{ kind: key }} placeholder can name.
Key = Annotated[str, _rule(lambda v: isinstance(v, str) and re.fullmatch(r"[A-Za-z0-9_.-]+", v), (
    "bukan kunci yang sah: pakai huruf, angka, '_', '-' atau '.' saja, tanpa spasi (kunci dipakai di "
    "halaman sebagai {{ ...: kunci }})."))]
Date = Annotated[dt.date, _rule(_is_date, (
    "bukan tanggal yang sah. Tulis tanggal yang ada di kalender dalam bentuk TTTT-BB-HH "
    "(tahun-bulan-tanggal, misalnya 2026-11-28), tanpa tanda kutip."))]
PastDate = Annotated[Date, AfterValidator(_not_future)]
TextOrList = Annotated[Union[str, list[str]], _rule(
    lambda v: isinstance(v, str) or (isinstance(v, list) and all(isinstance(t, str) and t.strip() for t in v)),
    "harus berupa teks dalam tanda kutip \"...\", atau daftar teks [\"...\", \"...\"].")]
Mark = Annotated[str, _rule(lambda v: v in PUBLISHABLE_MARKS, (
    "tidak boleh terbit: hanya fakta bertanda VERIFIED-VERBATIM atau FROM-SECONDARY-SOURCE yang boleh "
    "terbit. Hapus entri ini, atau ganti dengan petunjuk siapa yang harus ditanya."))]
SOURCED = "Setiap fakta wajib punya sumber ('source'), tempatnya di lembar fakta ('ref') dan tandanya ('mark')."


class Shape(BaseModel):
    """A mapping whose keys are all declared: any other key is a typo."""

    model_config = ConfigDict(extra="forbid", strict=True)


class Bilingual(Shape):
    id: Text
    bjn: Text

    @model_validator(mode="before")
    @classmethod
    def _both(cls, value):
        if isinstance(value, dict) and all(isinstance(value.get(lang), str) and value[lang].strip()
                                           for lang in LANGUAGES):
            return value
        raise PydanticCustomError("pmi", "harus ditulis dalam bahasa Indonesia (id) dan bahasa Banjar (bjn).")


class Sourced(Shape):
    source: Text = Field(description=SOURCED)
    ref: TextOrList = Field(description=(
        "Tulis tempat angkanya di lembar fakta, misalnya ref: \"legal-facts.md 7.2 | 81\" "
        "(lihat komentar di awal berkas ini)."))
    quote: Optional[Text] = None
    mark: Mark = Field(description=SOURCED)


# --- data/facts.yml -----------------------------------------------------------------------------


class _Fact(Sourced):
    cite: Text = Field(description="Tulis pasal atau peraturannya, misalnya \"Pasal 5 huruf a UU 18/2017\".")


class YearsFact(_Fact):
    type: Literal["years"]
    value: Count


class RupiahFact(_Fact):
    type: Literal["rupiah"]
    value: Count


class NumberFact(_Fact):
    type: Literal["number"]
    value: Count


class DateFact(_Fact):
    type: Literal["date"]
    value: Date


Fact = Annotated[Union[YearsFact, RupiahFact, NumberFact, DateFact], Field(discriminator="type")]


# --- data/contacts.yml --------------------------------------------------------------------------


class Contact(Sourced):
    name: Bilingual
    kind: Literal["phone", "whatsapp", "web"]
    display: Text
    value: Text
    confirmed: Annotated[Optional[Union[dt.date, Text]], _rule(
        lambda v: _is_date(v) or (isinstance(v, str) and MONTH.fullmatch(v)),
        "bukan tanggal. Tulis 2025-04-10, atau \"2025-04\" (dengan tanda kutip) bila sumber hanya menyebut "
        "bulannya, atau null bila sumbernya tidak bertanggal.")] = Field(description=(
        "Tulis tanggal sumber terakhir yang menyebut kontak itu, atau 'confirmed: null' kalau "
        "sumbernya tidak bertanggal."))
    confirmed_note: Optional[Text] = None
    reconfirm: Optional[Text] = None
    main: bool = False


# --- data/penalties.yml -------------------------------------------------------------------------


class Sanction(Sourced):
    key: Text = Field(description=(
        "Tulis kuncinya dalam tanda kutip, misalnya key: \"81\" (dipakai di {{ pidana: 81 }})."))
    pasal: Text
    act: Bilingual
    who: Bilingual


class CriminalPenalty(Sanction):
    law: Text
    prohibition: Text = Field(description="Tulis pasal larangannya, misalnya \"Pasal 69\", atau \"-\".")
    prison_years: Count
    fine: Count
    connector: Literal["and", "and_or", "unsure"] = Field(description=(
        "and = \"dan\", and_or = \"dan/atau\", unsure = lembar fakta tidak menyebutnya."))


class Penalties(Shape):
    criminal: list[CriminalPenalty]
    administrative: list[Sanction]


# --- data/regulations.yml -----------------------------------------------------------------------


class Regulation(Sourced):
    kind: Literal["UU", "Perppu", "PP", "Perpres", "Perban BP2MI", "Permen P2MI", "Permenaker", "Kepmenaker"]
    number: Count
    year: Annotated[int, Field(ge=1945, le=2100)]
    title: Text
    status: Optional[Text] = None


# --- data/offer_check.yml -----------------------------------------------------------------------


class Question(Shape):
    key: Annotated[str, _rule(lambda v: isinstance(v, str) and re.fullmatch(r"[a-z][a-z0-9_]*", v),
                              "hanya boleh huruf kecil, angka dan garis bawah (contoh: visa_kerja).")]
    title: Bilingual
    question: Bilingual
    why: Bilingual
    danger: Literal["ya", "tidak"] = Field(description=(
        "Tulis jawaban yang menjadi tanda bahaya; 'tidak tahu' selalu berarti 'cari tahu dulu'."))
    warning: Bilingual
    ask: Bilingual
    cite: Text = Field(description="Setiap pertanyaan wajib punya pasal ('cite') dari lembar fakta.")
    penalty: Optional[TextOrList] = None
    contacts: list[Key] = Field(min_length=1, description=(
        "Tulis daftar kunci kontak dari data/contacts.yml, misalnya [polisi, kp2mi_call_center]."))
    source: Text
    mark: Mark


class OfferCheck(Shape):
    questions: list[Question] = Field(min_length=1, description=(
        "Berkas ini berisi 'questions:' dengan paling sedikit satu pertanyaan (lihat contoh di awal "
        "berkas dan CONTRIBUTING.md)."))


# --- data/limits.yml and data/external_domains.yml ----------------------------------------------

MONTHS = "Tulis jumlah bulan sebagai bilangan bulat, misalnya 12."


class Limits(Shape):
    contact_confirmed_months: Annotated[int, Field(ge=1)] = Field(description=MONTHS)
    page_reviewed_months: Annotated[int, Field(ge=1)] = Field(description=MONTHS)


Domain = Annotated[str, _rule(lambda v: isinstance(v, str) and re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", v),
                             "bukan nama domain. Tulis tanpa https:// dan tanpa '/', misalnya kp2mi.go.id.")]


# --- page front matter --------------------------------------------------------------------------


def _front(key):
    return f"Tambahkan baris '{key}: ...' sebelum '---' penutup (lihat CONTRIBUTING.md, bagian front matter)."


# A pin is the 12-character hash `make translation-status PIN=...` writes, as text (a pin of digits
# only must be quoted, or YAML reads it as a number and drops its leading zeros).
Pin = Annotated[str, _rule(lambda v: isinstance(v, str) and re.fullmatch(r"[0-9a-f]{12}", v), (
    "tidak bisa dibaca: kode versi harus 12 huruf/angka 0-9 dan a-f, persis seperti yang ditulis perintah "
    "pin. Jangan mengetik kode ini sendiri; jalankan 'make translation-status PIN={path}' setelah "
    "terjemahan sesuai dengan halaman Indonesia."))]


class Translation(Shape):
    source: Pin = Field(description=(
        "Jalankan 'make translation-status PIN={path}'."))
    status: Literal["draf", "ditinjau"]
    # Checked as a field (not after the whole block), so that a wrong reviewed_on does not hide it.
    reviewer: Optional[Text] = Field(default=None, validate_default=True)
    reviewed_on: Optional[PastDate] = None

    @field_validator("reviewer")
    @classmethod
    def _reviewer(cls, value, info):
        if info.data.get("status") == "ditinjau" and not value:
            raise PydanticCustomError("pmi", "berstatus 'ditinjau' harus menyebut 'reviewer' (nama penutur asli yang memeriksanya).")
        return value


class FrontMatter(Shape):
    title: Text = Field(description=_front("title"))
    description: Text = Field(description=_front("description"))
    reviewed: PastDate = Field(description=_front("reviewed"))
    sources: list[Text] = Field(min_length=1, description=(
        "Tulis daftar sumber, satu per baris diawali dua spasi dan '- '."))
    translation: Optional[Translation] = None


class TranslatedFrontMatter(FrontMatter):
    translation: Translation = Field(description=(
        "Halaman terjemahan wajib punya 'translation:' dengan 'source' (kode versi halaman Indonesia) "
        "dan 'status' (draf atau ditinjau). Jalankan 'make translation-status PIN={path}' untuk mengisinya."))


# --- every file and how its entries are named in messages ---------------------------------------


@dataclass(frozen=True)
class Spec:
    schema: Any
    entry: int = 0  # how many parts of a location name one entry (0: the file is one thing)
    name: str = "'{key}'"  # an entry in a message; {key}: its key, or its `key:` field in a list
    whole: str = "berkas ini"  # the whole text in a message
    empty: str = "belum punya isi sesudah titik dua."  # an entry with nothing after its colon

    @cached_property
    def adapter(self):
        return TypeAdapter(self.schema)


SPECS = {
    "facts": Spec(dict[Key, Fact], 1),
    "contacts": Spec(dict[Key, Contact], 1),
    "penalties": Spec(Penalties, 2),
    "regulations": Spec(dict[Key, Regulation], 1),
    "offer_check": Spec(OfferCheck, 2, "pertanyaan '{key}'"),
    "limits": Spec(Limits),
    "external_domains": Spec(dict[Domain, Text], 1, "domain '{key}'",
                             empty="belum punya alasan. Tulis sesudah titik dua kenapa situs ini boleh ditautkan."),
}
FRONT_MATTER = Spec(FrontMatter, whole="front matter")
TRANSLATED_FRONT_MATTER = Spec(TranslatedFrontMatter, whole="front matter")


def read(path, spec=None):
    """The Document of a data file, checked against its schema (by default the one named like
    the file: data/contacts.yml -> SPECS['contacts'])."""
    path = Path(path)
    rel = relative(path)
    if not path.is_file():
        doc = Document(rel, root_line=0)
        doc.problems.append(Problem(rel, 0, "berkas ini tidak ada. Kembalikan berkas ini (lihat CONTRIBUTING.md)."))
        doc.bad.append(())
        return doc
    return validate(parse(path.read_text(encoding="utf-8"), rel), spec or SPECS[path.stem])


def validate(doc, spec, **context):
    """Check a Document against a Spec; its problems (file, line, Indonesian) go to doc.problems."""
    if doc.problems:
        return doc
    try:
        spec.adapter.validate_python(doc.data, context=context)
    except ValidationError as error:
        doc.problems.extend(problems(doc, error, spec))
    return doc


# --- pydantic's findings in an editor's words ---------------------------------------------------

MESSAGES = {
    "string_type": "harus berupa teks (apit dengan tanda kutip \"...\" kalau isinya angka, tanggal atau memuat ': ').",
    "int_type": "harus berupa bilangan bulat, tanpa tanda kutip, titik atau koma (misalnya 15000000000).",
    "bool_type": "harus berupa true atau false.",
    "list_type": "harus berupa daftar: satu isian per baris, diawali '- ' (atau [a, b]).",
    "model_type": "harus berupa beberapa baris 'nama: nilai', menjorok di bawahnya.",
    "model_attributes_type": "harus berupa beberapa baris 'nama: nilai', menjorok di bawahnya.",
    "dict_type": "harus berupa beberapa baris 'nama: nilai', menjorok di bawahnya.",
    "literal_error": "tidak dikenal. Pakai salah satu: {expected}.",
    "greater_than_equal": "harus paling sedikit {ge}.",
    "less_than_equal": "harus paling banyak {le}.",
}
def _unwrap(kind):
    while get_origin(kind) is Annotated:
        kind = get_args(kind)[0]
    return kind


def _is_model(kind):
    return isinstance(kind, type) and issubclass(kind, BaseModel)


def _model_at(kind, loc):
    """The declared model whose key `loc` ends in (pydantic's location), or None."""
    kind = _unwrap(kind)
    if len(loc) <= 1:
        return kind if _is_model(kind) else None
    part, rest = loc[0], loc[1:]
    if _is_model(kind):
        declared = kind.model_fields.get(part)
        return _model_at(declared.annotation, rest) if declared else None
    origin, args = get_origin(kind), get_args(kind)
    if origin is dict:
        return _model_at(args[1], rest)
    if origin is list:
        return _model_at(args[0], rest)
    if origin in (Union, types.UnionType):
        for member in map(_unwrap, args):  # a tagged union names its member by the tag
            tags = [get_args(f.annotation) for f in getattr(member, "model_fields", {}).values()
                    if get_origin(f.annotation) is Literal]
            if any(part in tag for tag in tags):
                return _model_at(member, rest)
        return next((found for member in args if (found := _model_at(member, loc))), None)
    return None


def _hint(spec, loc):
    model = _model_at(spec.schema, loc)
    declared = model.model_fields.get(loc[-1]) if model and loc else None
    return (declared.description or "") if declared else ""


def _expected(text):
    """pydantic's list of allowed values, "'a', 'b' or 'c'", in Indonesian."""
    text = text.replace("' or '", "' atau '")
    return text if " atau " in text or ", " not in text else " atau ".join(text.rsplit(", ", 1))


def _get(data, parts):
    for part in parts:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            data = next((v for k, v in data.items() if str(k) == str(part)), None) if isinstance(data, dict) else None
    return data


def _subject(doc, spec, loc, found):
    """How a message names the entry that `loc` is in: 'usia_minimal', pertanyaan 'biaya'."""
    if not spec.entry or len(loc) < spec.entry:
        return ""
    entry = found[: spec.entry] if len(found) >= spec.entry else loc[: spec.entry]
    name = entry[-1]
    if isinstance(name, int):
        value = _get(doc.data, entry)
        name = value.get("key") if isinstance(value, dict) and value.get("key") else f"ke-{name + 1}"
    return spec.name.format(key=name)


def problems(doc, error, spec):
    """Problems (file, line, Indonesian message) for a pydantic ValidationError on doc.data."""
    missing, out = {}, []
    for err in error.errors(include_url=False):
        loc, kind, ctx, value = tuple(err["loc"]), err["type"], err.get("ctx") or {}, err["input"]
        if kind.startswith("union_tag"):  # the `type:` of a fact
            loc += (ctx["discriminator"].strip("'"),)
            kind, value = ("missing", None) if kind == "union_tag_not_found" else ("literal_error", ctx["tag"])
            ctx = {"expected": ctx.get("expected_tags", "")}
        doc.bad.append(loc)
        found, line = doc.find(loc)
        subject = _subject(doc, spec, loc, found)
        inner = [str(p) for p in found[spec.entry:] if not isinstance(p, int)]
        empty = kind == "missing" or (value in EMPTY and kind not in ("extra_forbidden", "pmi"))
        if empty and len(loc) <= spec.entry:  # the entry itself has nothing after its colon
            out.append(Problem(doc.path, line, f"{subject} {spec.empty}"))
            continue
        if empty and loc:
            present = len(found) == len(loc) or kind != "missing"
            owner = ": ".join(inner[:-1] if present and inner else inner)
            where = (f"{subject}: '{owner}'" if subject else f"'{owner}'") if owner else (subject or spec.whole)
            missing.setdefault((line, where), []).append((str(loc[-1]), _hint(spec, loc)))
            continue
        if kind == "extra_forbidden":
            model = _model_at(spec.schema, loc)
            allowed = list(model.model_fields) if model else []
            close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
            text = f"kunci '{loc[-1]}' tidak dikenal" + (f"; maksudnya '{close[0]}'?" if close else ".")
            if allowed:
                text += f" Kunci yang boleh di sini: {', '.join(allowed)}."
            owner = ": ".join(inner[:-1])
            parts = [f"{subject}:" if subject else "", f"'{owner}':" if owner else "", text]
        else:
            text = err["msg"] if kind == "pmi" else MESSAGES.get(kind, "tidak sah ({msg}).").format(
                msg=err["msg"], **{k: _expected(str(v)) for k, v in ctx.items()})
            shown = f": {value}" if isinstance(value, (str, int, float, dt.date)) and inner else ""
            what = f"'{': '.join(inner)}{shown}'" if inner else ""
            parts = [(f"{subject}:" if what else subject) if subject else ("" if what else spec.whole),
                     what, text, _hint(spec, loc) if inner and kind != "pmi" else ""]
        out.append(Problem(doc.path, line, " ".join(filter(None, parts)).replace("{path}", doc.path)))
    for (line, where), fields in missing.items():
        names = ", ".join(dict.fromkeys(f"'{name}'" for name, _ in fields))
        hints = " ".join(dict.fromkeys(hint for _, hint in fields if hint))
        message = f"{where} belum punya {names} (wajib diisi, tidak boleh kosong). {hints}".strip()
        out.append(Problem(doc.path, line, message.replace("{path}", doc.path)))
    return sorted(out, key=lambda p: p.line)
