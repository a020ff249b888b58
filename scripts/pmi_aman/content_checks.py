"""Checks over one page's Markdown source. Each returns Problems with file, line and a fix.

Used by the build (pmi_aman.plugin.render stops on any problem) and by scripts/check_site.py.
Front matter is checked when the page is read (pages.read_page); the built HTML is checked by
site_checks.py.
"""

import re
from functools import lru_cache
from html.parser import HTMLParser

from . import contact_numbers, facts, markdown_structure
from .problems import Problem

UU18_LAST_ARTICLE = 91

# "Pasal 5", "Pasal 79 sampai 83", "Pasal 81 dan Pasal 82". Case-sensitive on purpose: in Banjar,
# lowercase "pasal" means "about".
PASAL = re.compile(
    r"\bPasal\s+(\d+)((?:\s*(?:,|dan|wan|atau|atawa|sampai|hingga|s\.d\.|s/d|–|-)\s*(?:Pasal\s+)?\d+\b)*)"
)
# A law named next to an article. Anything but UU 18/2017 means the article is that law's.
LAW = re.compile(
    r"\b(?:(?P<other>PP|Perban|Permen\w*|Perpres|Perpu|Perda|Perbup|Kepmen\w*|KUHP|KUHAP|UUD|"
    r"Konvensi|Peraturan\s+(?:Pemerintah|Menteri|Presiden|Badan|BP2MI|Kepala|Daerah|Bupati))"
    r"|(?:UU|Undang-Undang)\s*(?:No\.?|Nomor)?\s*(?P<number>\d+)\s*(?:/|Tahun)\s*(?P<year>\d{4}))",
    re.IGNORECASE,
)
FENCE = re.compile(r"^\s*(```|~~~)")
PLACEHOLDER = facts.PLACEHOLDER

# Phone numbers in any spelling: contact_numbers.py.
# Short numbers (110, 129) are contacts too when the sentence says to call them.
CALL_NUMBER = re.compile(
    r"\b(?:telepon|telpon|talipun|telp|tlp|hubungi|hotline|call\s*cent(?:er|re)|whatsapp|sms)\b"
    r"[\s:.]*(?:ke\s+|di\s+|nomor\s+|numur\s+)?\+?\d[\d\s-]*\d",
    re.IGNORECASE,
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
CONTACT_LINK = re.compile(r"\b(tel:|wa\.me/|api\.whatsapp\.com|mailto:)", re.IGNORECASE)
LEFTOVER = re.compile(r"\b(TODO|FIXME|XXX|TBD)\b|lorem ipsum", re.IGNORECASE)
TYPED_PENALTY = re.compile(
    r"\b(?:penjara|panjara|kurungan)\b[^.;\d]{0,30}\d+\s*(?:\([^)]*\)\s*)?(?:tahun|bulan)"
    r"|\b\d+\s*(?:\([^)]*\)\s*)?(?:tahun|bulan)\s+(?:penjara|panjara|kurungan)"
    r"|\bdenda\b[^.;\d]{0,30}Rp\s?\d",
    re.IGNORECASE,
)
_AT_LEAST = (
    r"(?:minimal|minimum|paling\s+(?:rendah|randah|sedikit|sadikit)|sekurang-kurangnya|"
    r"setidaknya|sedikitnya|sahanyar-hanyarnya)"
)
_AGE_WORD = r"(?:usia|umur|berusia|berumur|baumur)"
# A minimum age, however phrased: always a fact from data/facts.yml.
TYPED_MIN_AGE = re.compile(
    rf"\b{_AGE_WORD}\s+{_AT_LEAST}\s+\d+\s*tahun|\b{_AT_LEAST}\s+{_AGE_WORD}\s+\d+\s*tahun"
    r"|\b\d+\s*tahun\s+(?:ke|ka)\s+atas",
    re.IGNORECASE,
)
# "usia 18 tahun" is the minimum age typed in only when the number is that age.
TYPED_AGE = re.compile(rf"\b{_AGE_WORD}\s+(\d+)\s*tahun", re.IGNORECASE)
SCRIPT_URL = re.compile(r"\b(?:javascript|vbscript):", re.IGNORECASE)
# attr_list writes HTML attributes from Markdown: {: onclick="..." }
ATTR_LIST_HANDLER = re.compile(r"\{:?[^{}\n]*?\bon[a-z]+\s*=", re.IGNORECASE)
# The one list of forbidden HTML: no page may hold these tags (checked in the Markdown, with its
# line). Those marked "site" must not appear anywhere in the built site either, templates
# included (pmi_aman.site_checks); the others the theme itself uses (its scripts, styles, search
# form, meta and link tags), so there only the Markdown is checked.
FORBIDDEN_TAGS = {
    "iframe": "site", "frame": "site", "frameset": "site", "object": "site", "embed": "site",
    "applet": "site",
    "script": "page", "form": "page", "base": "page", "meta": "page", "link": "page", "style": "page",
}
FORBIDDEN_IN_SITE = {tag for tag, where in FORBIDDEN_TAGS.items() if where == "site"}


def prose_lines(page):
    """Yield (line number in file, line) for body lines outside code fences."""
    in_fence = False
    for index, line in enumerate(page.body.split("\n")):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield page.body_line + index, line


def without_placeholders(line):
    return PLACEHOLDER.sub(" ", line)


def check_facts(page, lang):
    """Every {{ kontak/fakta/pidana/tabel: ... }} names something that exists in data/.
    Tables that exist are not rendered here: that is the build's job, and it is slow."""
    problems = []
    for index, line in enumerate(page.body.split("\n")):
        for kind, key in PLACEHOLDER.findall(line):
            if kind == "tabel" and key in facts.TABLES:
                continue
            _, error = facts.render_one(kind, key, lang)
            if error:
                problems.append(Problem(page.rel, page.body_line + index, error))
    return problems


class _HtmlScanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []  # (line in body, message)

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        if tag in FORBIDDEN_TAGS:
            self.found.append(
                (line, f"tag <{tag}> tidak boleh dipakai di halaman. Hapus tag itu; tulis isi "
                 "dengan Markdown biasa. Untuk tabel atau tautan, lihat CONTRIBUTING.md.")
            )
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(
                    (line, f"atribut '{name}' menjalankan skrip dan tidak boleh dipakai. Hapus "
                     "atribut itu.")
                )
            if value and value.strip().lower().startswith(("javascript:", "vbscript:", "data:text/html")):
                self.found.append(
                    (line, f"alamat '{value[:30]}' menjalankan skrip dan tidak boleh dipakai. "
                     "Pakai alamat https:// atau tautan ke halaman lain.")
                )

    handle_startendtag = handle_starttag


def check_html_safety(page):
    """No <script>, <iframe>, <object>..., no on*= handlers, no javascript: URLs."""
    scanner = _HtmlScanner()
    # Blank out fenced code so that examples inside ``` are not taken for HTML.
    body = []
    in_fence = False
    for line in page.body.split("\n"):
        if FENCE.match(line):
            in_fence = not in_fence
            body.append("")
        else:
            body.append("" if in_fence else line)
    scanner.feed("\n".join(body))
    scanner.close()
    problems = [Problem(page.rel, page.body_line + line - 1, msg) for line, msg in scanner.found]
    flagged = {p.line for p in problems}
    for number, line in prose_lines(page):
        if number in flagged:
            continue
        if SCRIPT_URL.search(line):
            problems.append(
                Problem(page.rel, number, "tautan 'javascript:' tidak boleh dipakai. Pakai "
                        "alamat https:// atau tautan ke halaman lain.")
            )
        elif ATTR_LIST_HANDLER.search(without_placeholders(line)):
            problems.append(
                Problem(page.rel, number, "atribut 'on...=' di dalam { } menjalankan skrip dan "
                        "tidak boleh dipakai. Hapus atribut itu.")
            )
    return problems


def _typed_contact(text):
    number = contact_numbers.first(text)  # any spelling: 0812.3456.7890, (0511) 477 2123, +62 ...
    if number:
        return number
    for pattern in (CALL_NUMBER, EMAIL, CONTACT_LINK):
        match = pattern.search(text)
        if match:
            return match.group(0)
    return None


def check_contacts(page):
    """Phone numbers, WhatsApp numbers and e-mail addresses only through {{ kontak: ... }}."""
    problems = []
    for number, line in prose_lines(page):
        found = _typed_contact(without_placeholders(line))
        if found:
            problems.append(
                Problem(
                    page.rel,
                    number,
                    f"'{found.strip()}' tampak seperti nomor telepon, WhatsApp atau surel yang "
                    "diketik langsung. Kontak hanya boleh ditulis lewat {{ kontak: nama }} dari "
                    "data/contacts.yml, supaya tidak ada nomor salah (nomor calo) di situs ini.",
                )
            )
    return problems


def _law_is_other(match):
    return bool(match.group("other")) or (match.group("number"), match.group("year")) != ("18", "2017")


def _belongs_to_other_law(text, match):
    """Whether the article at `match` is cited from a law other than UU 18/2017: that law is
    named just before it, or is the first law named after it in the same sentence."""
    before = re.split(r"[.;]\s", text[: match.start()])[-1][-25:]
    if any(_law_is_other(m) for m in LAW.finditer(before)):
        return True
    rest = re.split(r"(?<=[.;])\s", text[match.end():], maxsplit=1)[0][:80]
    first = LAW.search(rest)
    return bool(first) and _law_is_other(first)


def uu18_articles(text):
    """(article number, match) for every article of UU 18/2017 cited in a line of text."""
    for match in PASAL.finditer(text):
        if _belongs_to_other_law(text, match):
            continue
        for number in re.findall(r"\d+", match.group(0)):
            yield int(number), match


def check_articles(page):
    """Every "Pasal N" of UU 18/2017 is an article that exists (1 to 91)."""
    problems = []
    for number, line in prose_lines(page):
        for article, _ in uu18_articles(without_placeholders(line)):
            if not 1 <= article <= UU18_LAST_ARTICLE:
                problems.append(
                    Problem(
                        page.rel,
                        number,
                        f"'Pasal {article}' tidak ada di UU 18/2017 (pasalnya 1 sampai "
                        f"{UU18_LAST_ARTICLE}). Periksa nomor pasal di lembar fakta; kalau pasal "
                        "itu dari peraturan lain, sebutkan peraturannya (misalnya 'PP 59/2021').",
                    )
                )
    return problems


def _first_number(text):
    return int(re.search(r"\d+", text).group())


@lru_cache(maxsize=None)
def penalty_articles():
    """{penalty article: the prohibition it punishes} for UU 18/2017, from data/penalties.yml."""
    return {
        _first_number(row["pasal"]): _first_number(row["prohibition"])
        for row in facts.load("penalties")["criminal"]
        if row.get("law") == "UU 18/2017" and row.get("prohibition", "-") != "-"
    }


def _wrong_pair(sentence):
    """A sentence naming one prohibition and one penalty article that data/penalties.yml does
    not pair: returns (prohibition, penalty), else None."""
    pairs = penalty_articles()
    cited = {article for article, _ in uu18_articles(sentence)}
    penalties = cited & pairs.keys()
    bans = cited & set(pairs.values())
    if len(penalties) == 1 and len(bans) == 1:
        (penalty,), (ban,) = penalties, bans
        if pairs[penalty] != ban:
            return ban, penalty
    return None


def check_typed_facts(page):
    """No penalty, minimum age or article-penalty pair typed into prose against data/."""
    problems = []
    minimum_age = facts.load("facts")["usia_minimal"]["value"]
    pairs = penalty_articles()
    for number, line in prose_lines(page):
        text = without_placeholders(line)
        age = TYPED_AGE.search(text)
        if TYPED_PENALTY.search(text):
            problems.append(
                Problem(
                    page.rel,
                    number,
                    "ancaman penjara atau denda diketik langsung. Pakai {{ pidana: 81 }} atau "
                    "{{ tabel: pidana }} supaya angkanya sama dengan data/penalties.yml.",
                )
            )
        elif TYPED_MIN_AGE.search(text) or (age and int(age.group(1)) == minimum_age):
            problems.append(
                Problem(
                    page.rel,
                    number,
                    "batas usia diketik langsung. Tulis {{ fakta: usia_minimal }} supaya sama "
                    "dengan data/facts.yml.",
                )
            )
        for sentence in re.split(r"(?<=[.;!?])\s+", text):
            wrong = _wrong_pair(sentence)
            if wrong:
                ban, penalty = wrong
                right = [p for p, b in pairs.items() if b == ban]
                problems.append(
                    Problem(
                        page.rel,
                        number,
                        f"kalimat ini memasangkan larangan Pasal {ban} dengan ancaman pidana "
                        f"Pasal {penalty}, padahal menurut data/penalties.yml larangan Pasal {ban} "
                        f"diancam pidana oleh Pasal {right[0]} (Pasal {penalty} untuk larangan "
                        f"Pasal {pairs[penalty]}). Perbaiki nomor pasalnya.",
                    )
                )
    return problems


def check_leftovers(page):
    """No TODO, FIXME, XXX, TBD or lorem ipsum in the title, the description or the text."""
    problems = []
    lines = [(number, line) for number, line in enumerate(page.front.split("\n"), start=1)
             if line.startswith(("title:", "description:"))]
    for number, line in lines + list(prose_lines(page)):
        match = LEFTOVER.search(line)
        if match:
            problems.append(
                Problem(
                    page.rel,
                    number,
                    f"sisa catatan penulisan '{match.group(0)}' masih ada. Selesaikan atau hapus "
                    "sebelum halaman terbit.",
                )
            )
    return problems


# --- cited regulations and law statements (issue 14) ------------------------------------------

# A regulation named with its number and year: "UU 18/2017", "PP No. 59 Tahun 2021",
# "Peraturan Menteri P2MI Nomor 4 Tahun 2025", "Peraturan Presiden No. 165 dan 166 Tahun 2024".
# Longer names first; each maps to the `kind` written in data/regulations.yml. Bare "Permen" /
# "Peraturan Menteri" may be either ministry's regulation.
_REGULATION_KINDS = (
    (r"Peraturan\s+Pemerintah\s+Pengganti\s+Undang-Undang|Perppu|Perpu", ("Perppu",)),
    (r"Peraturan\s+Menteri\s+P2MI|Permen\s+P2MI", ("Permen P2MI",)),
    (r"Peraturan\s+Menteri\s+Ketenagakerjaan|Permenaker", ("Permenaker",)),
    (r"Keputusan\s+Menteri\s+Ketenagakerjaan|Kepmenaker", ("Kepmenaker",)),
    (r"Peraturan\s+Menteri|Permen", ("Permen P2MI", "Permenaker")),
    (r"Peraturan\s+(?:Kepala\s+)?(?:Badan|BP2MI)|Perban(?:\s+BP2MI)?", ("Perban BP2MI",)),
    (r"Peraturan\s+Presiden|Perpres", ("Perpres",)),
    (r"Peraturan\s+Pemerintah|PP", ("PP",)),
    (r"Undang-Undang|UU", ("UU",)),
)
_NUMBER_YEAR = r"(?:No\.?\s*|Nomor\s+)?(\d+(?:\s*(?:,|dan|wan)\s*\d+)*)\s*(?:/|\s+Tahun\s+)(\d{4})\b"
REGULATION = re.compile(
    r"\b(" + "|".join(f"(?:{names})" for names, _ in _REGULATION_KINDS) + r")\s+" + _NUMBER_YEAR
)
# "..., Nomor 17 Tahun 2025 (biaya), dan Nomor 33 Tahun 2025": more of the same kind.
_MORE_OF_KIND = re.compile(
    r"\s*(?:\([^)]*\))?\s*[,;]?\s*(?:(?:dan|wan|atau|atawa)\s+)?(?:No\.?\s*|Nomor\s+)"
    r"(\d+)\s*(?:/|\s+Tahun\s+)(\d{4})\b"
)


def _regulation_kinds(name):
    for names, kinds in _REGULATION_KINDS:
        if re.fullmatch(names, name):
            return kinds
    return ()


@lru_cache(maxsize=None)
def known_regulations():
    """{(kind, number, year)} from data/regulations.yml, number and year as text."""
    return {
        (entry.get("kind"), str(entry.get("number")), str(entry.get("year")))
        for entry in facts.load("regulations").values()
        if isinstance(entry, dict)
    }


def cited_regulations(text):
    """(text as written, kinds it may be, number, year) for every regulation cited in a line."""
    for match in REGULATION.finditer(text):
        kinds = _regulation_kinds(match.group(1))
        year = int(match.group(3))
        for number in re.findall(r"\d+", match.group(2)):
            yield match.group(0), kinds, int(number), year
        position = match.end()
        while more := _MORE_OF_KIND.match(text, position):
            yield f"{match.group(1)} {more.group(1)}/{more.group(2)}", kinds, int(more.group(1)), int(more.group(2))
            position = more.end()


def _front_source_lines(page):
    """(line in file, line) for the `sources:` lines of the front matter."""
    for number, line in enumerate(page.front.split("\n"), start=1):
        if line.lstrip().startswith("- ") and line.startswith(" "):
            yield number, line


def check_regulations(page):
    """Every regulation cited with number and year (UU, PP, Perban, Permen, Kepmenaker ...),
    in the text or in `sources:`, is one that data/regulations.yml knows."""
    problems = []
    known = known_regulations()
    for number, line in list(_front_source_lines(page)) + list(prose_lines(page)):
        for written, kinds, reg_number, year in cited_regulations(without_placeholders(line)):
            if not any((kind, str(reg_number), str(year)) in known for kind in kinds):
                problems.append(
                    Problem(
                        page.rel,
                        number,
                        f"peraturan '{written}' tidak ada di data/regulations.yml. Periksa jenis, "
                        "nomor dan tahunnya di lembar fakta. Kalau peraturan itu memang ada di "
                        "lembar fakta, tambahkan dulu ke data/regulations.yml beserta sumber "
                        "(source) dan tandanya (mark).",
                    )
                )
    return problems


# Words that state what the law does (Indonesian and Banjar, see the Banjar glossary):
# an obligation, a ban, a right, a penalty or sanction, or "according to the law".
LINK_TEXT = re.compile(r"\[[^\]]*\]\([^)]*\)")
LAW_EFFECT = re.compile(
    r"\b(wajib|mewajibkan|diwajibkan|diwajibakan|mawajibakan|dilarang|melarang|ditangati|"
    r"kada\s+bulih|tidak\s+boleh|tidak\s+dapat\s+dibebani|berhak|baisi\s+hak|diancam|"
    r"dipidana|dikenai|dikenakan|dikanai|dikanakan|harus|musti|"
    r"(?:menurut|manurut)\s+(?:undang-undang|UU|peraturan|paraturan|aturan|hukum))\b",
    re.IGNORECASE,
)
# What counts as a citation: an article, a regulation with number and year, or a table whose
# rows name their articles.
CITATION = re.compile(r"\bPasal\s+\d|\{\{\s*tabel\s*:\s*(?:pidana|sanksi-administratif)\s*\}\}")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
INLINE_CODE = re.compile(r"`[^`]*`")


def _has_citation(text):
    return bool(CITATION.search(text) or REGULATION.search(text))


def _law_units(page):
    """Each paragraph and each list item of the body, in order, as dicts with the first line,
    the lines, and for a list item the paragraph that introduces its list (ending with ':')."""
    units = []
    current = None  # the open unit
    before_list = None  # the paragraph just closed, while nothing else followed it
    list_lead = None

    def close():
        nonlocal current, before_list
        if current and not current["item"]:
            before_list = current
        current = None

    for number, line in prose_lines(page):
        text = INLINE_CODE.sub(" ", line)
        stripped = text.strip()
        if not stripped or stripped.startswith(("#", "!!!")):
            close()
            if stripped:
                before_list = list_lead = None
            continue
        if LIST_ITEM.match(text):
            close()
            if before_list is not None:
                ends_with_colon = " ".join(before_list["lines"]).rstrip().endswith(":")
                list_lead = before_list if ends_with_colon else None
                before_list = None
            current = {"first": number, "lines": [stripped], "item": True, "lead": list_lead}
            if list_lead is not None:
                list_lead["items"].append(current)
            units.append(current)
        elif current is not None:
            current["lines"].append(stripped)
        else:
            if not text.startswith(" "):
                list_lead = None  # a paragraph at the left margin ends the list
            before_list = None
            current = {"first": number, "lines": [stripped], "item": False, "items": []}
            units.append(current)
    return units


def _cited(unit):
    return _has_citation(" ".join(unit["lines"]))


def _covered(unit):
    """Cited in itself; a list item also by its lead-in; a lead-in also by all of its items."""
    if _cited(unit):
        return True
    if unit["item"]:
        return unit["lead"] is not None and _cited(unit["lead"])
    return bool(unit["items"]) and all(_cited(item) for item in unit["items"])


def check_law_citations(page):
    """The home page's promise: every paragraph (or list item) that states what the law does
    ('wajib', 'dilarang', 'berhak', 'diancam', 'harus', 'menurut UU' ... or their Banjar words)
    cites its article or regulation in that paragraph, or in the sentence that introduces its
    list. See CONTRIBUTING.md, 'Mengutip pasal'."""
    problems = []
    for unit in _law_units(page):
        if _covered(unit):
            continue
        for offset, line in enumerate(unit["lines"]):
            # A link's text names a page ("Larangan dan sanksi"); it states no rule itself.
            match = LAW_EFFECT.search(LINK_TEXT.sub(" ", without_placeholders(line)))
            if match:
                problems.append(
                    Problem(
                        page.rel,
                        unit["first"] + offset,
                        f"paragraf ini menyatakan aturan hukum ('{match.group(1)}') tanpa "
                        "menyebut dasar hukumnya. Tulis pasal dan peraturannya di paragraf itu, "
                        "misalnya '(Pasal 69 UU 18/2017)' atau '(Permen P2MI 4/2025 Pasal 9)', "
                        "sesuai lembar fakta. Kalau aturannya tidak ada di lembar fakta, hapus "
                        "kalimat itu dan tulis kepada siapa pembaca bisa bertanya.",
                    )
                )
                break
    return problems


def forget_data():
    """Drop what was read from data/*.yml (facts.load and the tables made from it), so that the
    next build reads the files again: `make serve` rebuilds in one process when data/ changes."""
    facts.load.cache_clear()
    penalty_articles.cache_clear()
    known_regulations.cache_clear()


# --- pages fresh from `make page` ------------------------------------------------------------

# The sentence scripts/new_page.py writes into a new page, per language.
PLACEHOLDER_TEXT = {"id": "Halaman ini sedang disiapkan.", "bjn": "Laman ngini sadang disiapakan."}


def check_placeholder(page, lang):
    """A page still holding the sentence `make page` wrote. Not part of check_page: a new page
    must build at once (for `make serve`); `make check` and `make test` fail on it."""
    sentences = [s.casefold() for s in PLACEHOLDER_TEXT.values()]
    return [
        Problem(page.rel, number, (
            f"halaman ini masih berisi kalimat sementara dari 'make page' ('{line.strip()}'). "
            f"Ganti kalimat ini dengan isi halaman ({'bahasa Banjar' if lang == 'bjn' else 'bahasa Indonesia'}) "
            "sebelum halaman terbit; halaman kosong tidak boleh terbit."))
        for number, line in prose_lines(page)
        if any(s in line.casefold() for s in sentences)
    ]


def check_page(page, lang):
    """Every source check for one page (front matter problems are in page.problems)."""
    return (
        check_facts(page, lang)
        + check_html_safety(page)
        + check_contacts(page)
        + check_articles(page)
        + check_typed_facts(page)
        + check_leftovers(page)
        + check_regulations(page)
        + check_law_citations(page)
        + contact_numbers.check_markdown(page, PLACEHOLDER)
        + markdown_structure.check_page(page)
    )
