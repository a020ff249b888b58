"""How Banjar a Banjar page is: a lexical check built on native-speaker data.

Every word token of a page's reader text (title, description, body; not names, acronyms,
numbers, data placeholders or the legal terms of data/banjar/istilah-tetap.txt) falls in one class:

  (a) "terbukti"  attested on the Banjar side of NusaX, the glossary or MediaWiki's messages;
  (b) "indonesia" an Indonesian form with a known Banjar counterpart in the aligned NusaX pairs
                  (checked first: such a form is Indonesian even where a Banjar text kept it);
  (c) "lain"      neither.

Besides the shares, the check lists false friends (words that mean something else in Banjar,
data/banjar/salah-arti.yml), register slips (Anda, kamu, aku ... instead of Pian and ulun,
data/banjar/ragam.yml) and sentences identical to the Indonesian page (except those listed
in data/banjar/kalimat-sama.txt). False friends and register slips are errors; the rest is a
reported figure.

The word lists in data/banjar/ are generated from ../shared/sources/banjar/ by
scripts/banjar_data.py (pmi_aman.banjar_data), so that this check runs without ../shared.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import DATA, DEFAULT_LANGUAGE, ROOT, pages
from .content_checks import FENCE
from .facts import PLACEHOLDER
from .problems import Problem

FOLDER = DATA / "banjar"
ATTESTED, INDONESIAN, KEEP = "terbukti", "indonesia", "lain"
CLASSES = (ATTESTED, INDONESIAN, KEEP)
CLITICS = ("nya", "lah", "kah")
CLASS_LETTER = {ATTESTED: "a", INDONESIAN: "b", KEEP: "c"}

TOKEN = re.compile(r"\w+(?:['’-]\w+)*")
SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\s*\|\s*")
ATTR_LIST = re.compile(r"\{\s*[:#.][^{}]*\}")
INLINE_CODE = re.compile(r"`[^`]*`")
IMAGE_OR_LINK = re.compile(r"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\([^)]*\)")
REFERENCE_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
URL = re.compile(r"<?(?:https?|mailto|tel):[^\s>)]+>?")
HTML_TAG = re.compile(r"<[^>]+>")
FOOTNOTE = re.compile(r"\[\^[^\]]+\]")
ADMONITION = re.compile(r"^(\s*)(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+\"([^\"]*)\")?\s*$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
FRONT_TEXT = ("title", "description")


# --- the word lists -----------------------------------------------------------------------


@dataclass
class Lexicon:
    attested: set  # lower-case Banjar forms (a)
    indonesian: dict  # Indonesian form -> its Banjar counterparts, best first (b)
    keep_words: set  # single keep-list words, lower case
    keep_phrases: list  # keep-list phrases (several words), lower case, longest first
    false_friends: list  # entries of salah-arti.yml
    register: dict  # lower-case word -> entry of ragam.yml
    identical_allowed: set  # normalized sentences that may stay identical

    def classify(self, word):
        """(a), (b) or (c) for one lower-case token (reduplication and compounds by parts)."""
        if word in self.indonesian:
            return INDONESIAN
        if word in self.attested:
            return ATTESTED
        for clitic in CLITICS:  # aturannya = aturan + nya: the clitic does not change the word
            if word.endswith(clitic) and len(word) > len(clitic) + 2:
                return self.classify(word[: -len(clitic)])
        parts = [p for p in re.split(r"['’-]", word) if p]
        if len(parts) > 1:
            if len(set(parts)) == 1:
                return self.classify(parts[0])
            found = [self.classify(p) for p in parts]
            if INDONESIAN in found:
                return INDONESIAN
            if all(f == ATTESTED for f in found):
                return ATTESTED
        return KEEP

    def counterparts(self, word):
        """The Banjar counterparts of an Indonesian form (of its Indonesian parts if compound)."""
        if word in self.indonesian:
            return self.indonesian[word]
        parts = [p for p in re.split(r"['’-]", word) if p in self.indonesian]
        return ["-".join(self.indonesian[p][0] for p in parts)] if parts else []

    def known(self, word):
        return self.classify(word) != KEEP


def _lines(path):
    for line in Path(path).read_text(encoding="utf-8").split("\n"):
        line = line.split("#", 1)[0].strip() if not line.startswith("#") else ""
        if line:
            yield line


def load(folder=FOLDER):
    folder = Path(folder)
    attested = set(_lines(folder / "terbukti.txt"))
    indonesian = {}
    for line in _lines(folder / "indonesia.tsv"):
        word, counterparts = line.split("\t")[:2]
        if word != "indonesian":
            indonesian[word] = counterparts.split(",")
    keep = [k.lower() for k in _lines(folder / "istilah-tetap.txt")]
    with open(folder / "salah-arti.yml", encoding="utf-8") as f:
        false_friends = yaml.safe_load(f)["false_friends"]
    with open(folder / "ragam.yml", encoding="utf-8") as f:
        register = {e["word"].lower(): e for e in yaml.safe_load(f)["register"]}
    allowed = {normalize(s) for s in _lines(folder / "kalimat-sama.txt")}
    return Lexicon(
        attested, indonesian,
        {k for k in keep if " " not in k},
        sorted((k for k in keep if " " in k), key=len, reverse=True),
        false_friends, register, allowed,
    )


# --- reader text of a page ----------------------------------------------------------------


def clean(line):
    """The words a reader sees on one Markdown line (markup, links' addresses, code removed)."""
    admonition = ADMONITION.match(line)
    if admonition:
        return admonition.group(2) or ""
    if REFERENCE_DEF.match(line) or TABLE_RULE.match(line) or line.lstrip().startswith("*["):
        return ""
    line = PLACEHOLDER.sub(" ", line)
    line = INLINE_CODE.sub(" ", line)
    line = ATTR_LIST.sub(" ", line)
    line = IMAGE_OR_LINK.sub(lambda m: m.group(1), line)
    line = URL.sub(" ", line)
    line = HTML_TAG.sub(" ", line)
    line = FOOTNOTE.sub(" ", line)
    return line


def reader_lines(path):
    """Yield (line number, cleaned text) for the title, description and body of a page."""
    page = pages.read_page(path)
    for key in FRONT_TEXT:
        value = page.meta.get(key)
        if isinstance(value, str):
            yield pages.line_of_key(page.front, key), value
    body = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group(0).count("\n"), page.body, flags=re.S)
    in_fence = False
    for index, line in enumerate(body.split("\n")):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        text = clean(line)
        if text.strip():
            yield page.body_line + index, text


def normalize(sentence):
    words = TOKEN.findall(sentence.lower())
    return " ".join(words)


MARKUP_START = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+|:\s+|>\s*)+")


def display(sentence):
    """A sentence as a reader sees it: without list, heading and emphasis marks."""
    return re.sub(r"\s+", " ", MARKUP_START.sub("", sentence).replace("**", "").replace("__", "")).strip()


def sentences(text):
    return [s for s in SENTENCE_END.split(text) if s and s.strip()]


# --- the analysis -------------------------------------------------------------------------


@dataclass
class Token:
    word: str  # as written
    line: int
    kind: str  # one of CLASSES


@dataclass
class Finding:
    line: int
    kind: str  # "salah-arti", "ragam", "sama", "indonesia", "lain"
    word: str
    message: str
    hint: str = ""  # a few words for the review sheet (the Banjar counterparts of a (b) word)


@dataclass
class Report:
    rel: str
    tokens: list = field(default_factory=list)
    findings: list = field(default_factory=list)
    identical_allowed: int = 0

    def counts(self):
        counted = Counter(t.kind for t in self.tokens)
        return {kind: counted.get(kind, 0) for kind in CLASSES}

    def of(self, kind):
        return [f for f in self.findings if f.kind == kind]

    def errors(self):
        return [Problem(self.rel, f.line, f.message) for f in self.findings if f.kind in ERRORS]


ERRORS = ("salah-arti", "ragam")


def countable(raw, lexicon, sentence_start):
    """The lower-case form of a token to classify, or None for names, acronyms and numbers."""
    if len(raw) < 2 or any(ch.isdigit() or ch == "_" for ch in raw):
        return None
    if raw.isupper():
        return None  # acronym: KTP, BP2MI, PMI
    word = raw.lower()
    if word in lexicon.keep_words:
        return None
    if raw[0].isupper() and not sentence_start and not lexicon.known(word):
        return None  # a name: Takisung, Pelaihari
    return word


def words_of(text, lexicon):
    """(raw token, lower-case form or None) for each token of a cleaned line."""
    lowered = text.lower()
    for phrase in lexicon.keep_phrases:
        start = lowered.find(phrase)
        while start != -1:
            end = start + len(phrase)
            if (start == 0 or not lowered[start - 1].isalnum()) and (end == len(lowered) or not lowered[end].isalnum()):
                text = text[:start] + " " * len(phrase) + text[end:]
                lowered = lowered[:start] + " " * len(phrase) + lowered[end:]
            start = lowered.find(phrase, start + 1)
    result = []
    for part in sentences(text):
        first = True
        for match in TOKEN.finditer(part):
            raw = match.group(0)
            result.append((raw, countable(raw, lexicon, first)))
            first = False
    return result


def false_friend(word, previous, following, lexicon):
    """The salah-arti.yml entry this word (between the words around it) is, or None."""
    for entry in lexicon.false_friends:
        if word in entry.get("forms", []):
            return entry
        if (word == entry.get("word") and following in entry.get("before", [])
                and not (previous and any(re.search(p, previous) for p in entry.get("not_after", [])))):
            return entry
    return None


def analyse_text(rel, numbered_lines, lexicon, indonesian_sentences=None):
    """The report of one page's reader text: (line, text) pairs."""
    report = Report(rel)
    for number, text in numbered_lines:
        words = words_of(text, lexicon)
        for index, (raw, word) in enumerate(words):
            if word is None:
                continue
            kind = lexicon.classify(word)
            report.tokens.append(Token(raw, number, kind))
            following = next((w for _, w in words[index + 1:index + 2]), None)
            previous = words[index - 1][1] if index else None
            friend = false_friend(word, previous, following, lexicon)
            slip = lexicon.register.get(word)
            if friend:
                report.findings.append(Finding(number, "salah-arti", raw, (
                    f"'{raw}' menyesatkan dalam bahasa Banjar: {friend['banjar_meaning']}. "
                    f"Yang dimaksud '{friend['indonesian_meaning']}'; tulis "
                    f"{friend['write']} (bukti: {friend['evidence_short']}; daftar di "
                    "data/banjar/salah-arti.yml).")))
            elif slip:
                report.findings.append(Finding(number, "ragam", raw, (
                    f"'{raw}' bukan ragam sopan bahasa Banjar untuk situs ini. Tulis "
                    f"'{slip['write']}' ({slip['why']}).")))
            elif kind == INDONESIAN:
                advice = " / ".join(lexicon.counterparts(word)[:2])
                report.findings.append(Finding(number, "indonesia", raw, (
                    f"kata Indonesia '{raw}': dalam data NusaX bahasa Banjarnya {advice}."),
                    f"NusaX: {advice}"))
            elif kind == KEEP:
                report.findings.append(Finding(number, "lain", raw, (
                    f"'{raw}' tidak ada dalam data bahasa Banjar (NusaX, glosarium, MediaWiki): "
                    "periksa ejaannya atau minta penutur asli memeriksanya."), "di luar data"))
        if indonesian_sentences is None:
            continue
        for sentence in sentences(text):
            key = normalize(sentence)
            counted = [w for _, w in words_of(sentence, lexicon) if w]
            if len(counted) < 2 or key not in indonesian_sentences:
                continue
            if key in lexicon.identical_allowed:
                report.identical_allowed += 1
                continue
            report.findings.append(Finding(number, "sama", display(sentence), (
                f"kalimat ini sama persis dengan {indonesian_sentences[key]}: "
                f"\"{display(sentence)}\". Terjemahkan ke bahasa Banjar, atau, bila memang "
                "sengaja sama (nama, judul undang-undang), tambahkan kalimatnya ke "
                "data/banjar/kalimat-sama.txt.")))
    return report


def sentence_index(path, lexicon):
    """Normalized sentence -> 'docs/id/x.md:line' for the sentences of a page."""
    rel = pages.relative(path)
    index = {}
    for number, text in reader_lines(path):
        for sentence in sentences(text):
            index.setdefault(normalize(sentence), f"{rel}:{number}")
    return index


def analyse_page(path, lexicon, indonesian_path=None):
    sentences_id = sentence_index(indonesian_path, lexicon) if indonesian_path else None
    return analyse_text(pages.relative(path), reader_lines(path), lexicon, sentences_id)


# Data files whose `bjn:` fields are reader text (the offer check's questions, contact names,
# penalty descriptions): checked like a page, without the identical-sentence comparison.
DATA_WITH_BANJAR = ("data/offer_check.yml", "data/contacts.yml", "data/penalties.yml")
BANJAR_FIELD = re.compile(r"^\s*bjn:\s*(?P<text>[^>|\s].*?)\s*$")


def data_lines(path):
    """(line, text) for every one-line `bjn:` value of a data file."""
    found = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").split("\n"), start=1):
        match = BANJAR_FIELD.match(line)
        if match:
            found.append((number, clean(match.group("text").strip("'\""))))
    return found


def analyse_data(root=ROOT, lexicon=None):
    lexicon = lexicon or load()
    return [analyse_text(rel, data_lines(root / rel), lexicon) for rel in DATA_WITH_BANJAR
            if (root / rel).exists()]


def analyse_site(docs=None, lexicon=None, lang="bjn"):
    """Reports for every page of one language (Banjar pages against their Indonesian page)."""
    lexicon = lexicon or load()
    reports = []
    for name, by_lang in pages.pairs(docs):
        path = by_lang.get(lang)
        if path is None:
            continue
        other = by_lang.get(DEFAULT_LANGUAGE) if lang != DEFAULT_LANGUAGE else None
        reports.append(analyse_page(path, lexicon, other))
    return reports


def shares(counts):
    total = sum(counts.values())
    return {k: (100.0 * v / total if total else 0.0) for k, v in counts.items()}, total


def total_counts(reports):
    total = Counter()
    for report in reports:
        total.update(report.counts())
    return {kind: total.get(kind, 0) for kind in CLASSES}


def load_ceiling(folder=FOLDER):
    with open(Path(folder) / "batas-nusax.yml", encoding="utf-8") as f:
        return yaml.safe_load(f)


# --- the report an editor reads -----------------------------------------------------------


def figures(counts):
    share, total = shares(counts)
    return f"{total:6d} kata  (a) {share[ATTESTED]:5.1f} %  (b) {share[INDONESIAN]:5.1f} %  (c) {share[KEEP]:5.1f} %"


def format_report(reports, floor=None, ceiling=None, details=True):
    """The text of `make banjar-check`: findings with file and line, then the figures."""
    lines = []
    if details:
        for report in reports:
            for finding in sorted(report.findings, key=lambda f: (f.line, f.kind)):
                if finding.kind in ERRORS + ("sama",):
                    lines.append(f"{report.rel}:{finding.line}: {finding.message}")
            by_line = {}
            for finding in report.of("indonesia"):
                by_line.setdefault(finding.line, []).append(f"{finding.word} -> {finding.hint[len('NusaX: '):]}")
            for number in sorted(by_line):
                lines.append(f"{report.rel}:{number}: kata Indonesia (b): {', '.join(by_line[number])}")
            unknown = Counter(f.word.lower() for f in report.of("lain"))
            if unknown:
                listed = ", ".join(f"{w} ({n})" if n > 1 else w for w, n in sorted(unknown.items()))
                lines.append(f"{report.rel}: kata di luar data (c): {listed}")
    lines.append("")
    lines.append("Bagian kata per halaman: (a) ada dalam data bahasa Banjar, (b) kata Indonesia yang "
                 "punya padanan Banjar, (c) lainnya. Salah arti (SA), ragam (RG), kalimat sama (KS):")
    width = max([len(r.rel) for r in reports] + [10])
    for report in reports:
        lines.append(f"  {report.rel:<{width}}  {figures(report.counts())}   SA {len(report.of('salah-arti'))}  "
                     f"RG {len(report.of('ragam'))}  KS {len(report.of('sama'))}")
    lines.append(f"  {'JUMLAH':<{width}}  {figures(total_counts(reports))}   SA "
                 f"{sum(len(r.of('salah-arti')) for r in reports)}  RG {sum(len(r.of('ragam')) for r in reports)}  "
                 f"KS {sum(len(r.of('sama')) for r in reports)}")
    if ceiling:
        lines.append(f"  {'batas atas: kalimat Banjar NusaX (uji, ' + str(ceiling['sentences']) + ')':<{width}}  "
                     f"{ceiling['tokens']:6d} kata  (a) {ceiling['a']:5.1f} %  (b) {ceiling['b']:5.1f} %  (c) {ceiling['c']:5.1f} %")
    if floor is not None:
        lines.append(f"  {'batas bawah: halaman bahasa Indonesia':<{width}}  {figures(total_counts(floor))}")
    errors = [p for r in reports for p in r.errors()]
    if errors:
        lines.append(f"\nGAGAL: {len(errors)} salah arti atau ragam yang tidak sopan (daftar di atas). "
                     "Perbaiki kata di baris yang disebut; bagian (a)/(b)/(c) hanya angka laporan.")
    return "\n".join(lines)
