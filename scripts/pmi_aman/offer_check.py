"""Periksa tawaran kerja: the questions of data/offer_check.yml, checked, evaluated and rendered.

    {{ tabel: periksa-tawaran }}         the questions: one <fieldset> of Ya / Tidak / Tidak tahu
                                         radio buttons each, why it matters (screen only), and
                                         its danger answer with its Pasal
    {{ tabel: periksa-tawaran-hasil }}   the result area: counts, the advice that is always
                                         given, and (result_list, in offer-check-<lang>.js) every
                                         danger sign with its Pasal, the penalty
                                         (data/penalties.yml), what to do and whom to call
                                         (data/contacts.yml)

Without JavaScript the page is the printable checklist: every question with its danger answer
and Pasal. overrides/assets/javascripts/offer-check.js, loaded at the reader's first answer,
applies the rule of evaluate() in the page: it shows the danger signs of the answers and, for
"Tidak tahu", what to find out before signing. Nothing is sent or stored. The tool never says
that an offer is safe.
"""

import html
import json

from . import LANGUAGES, ROOT, content_checks, facts, schemas, strings
from .problems import Problem

PATH = "data/offer_check.yml"
BUILD = ROOT / "build" / "offer-check"  # the result scripts, before MkDocs copies them into site/
MARKER = "data-pmi-offer"
SRC_TOKEN = "@offer-check-src@"  # replaced by the page's relative address of result_script
ANSWERS = ("ya", "tidak", "tidak-tahu")
DANGER_ANSWERS = ("ya", "tidak")
UNKNOWN = "tidak-tahu"
TEXT_FIELDS = ("title", "question", "why", "warning", "ask")  # written in both languages


def labels(lang):
    """The offer check's words (data/strings/<lang>.yml, offer_check:)."""
    return strings.load(lang)["offer_check"]


def questions():
    return facts.load("offer_check").get("questions") or []


# ---- Checking the data file (at the start of every build) -----------------------------------


def _text_problems(value, where):
    """Placeholders that do not render, and contacts or penalties typed into the text."""
    for kind, key in facts.PLACEHOLDER.findall(value):
        if kind != "fakta":
            yield (f"{where} memakai {{{{ {kind}: {key} }}}}. Di berkas ini hanya {{{{ fakta: ... }}}} "
                   "yang boleh; kontak ditulis di 'contacts', ancaman pidana di 'penalty'.")
            continue
        _, error = facts.render_one(kind, key, "id")
        if error:
            yield f"{where}: {error}"
    plain = content_checks.without_placeholders(value)
    typed = content_checks._typed_contact(plain)
    if typed:
        yield (f"{where} memuat '{typed.strip()}', seperti nomor telepon yang diketik langsung. "
               "Tulis kuncinya di 'contacts' (dari data/contacts.yml).")
    if content_checks.TYPED_PENALTY.search(plain):
        yield (f"{where} memuat ancaman penjara atau denda yang diketik langsung. Tulis kuncinya di "
               "'penalty' (dari data/penalties.yml, bagian criminal).")


def check(text=None, path=PATH):
    """Problems (file, line, Indonesian message) of the questions file (or of `text`, as if it
    were that file); [] when it is right. Its shape is declared in schemas.OfferCheck; here is
    what the values mean: keys that exist in the other data files, a cite that names a Pasal,
    text that renders, no contact or penalty typed into the text."""
    spec = schemas.SPECS["offer_check"]
    if text is None:
        doc = schemas.read(facts.DATA.parent / path, spec)
    else:
        doc = schemas.validate(schemas.parse(text, path), spec)
    entries = doc.data.get("questions") if isinstance(doc.data, dict) else None
    problems, seen = list(doc.problems), set()
    penalties = {row.get("key") for row in facts.load("penalties").get("criminal", [])}
    contacts = facts.load("contacts")
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        loc = ("questions", index)
        if not doc.clean(loc):
            continue
        name = f"pertanyaan '{entry['key']}'"

        def add(field, message):
            problems.append(Problem(doc.path, doc.line(loc + (field,)), message))

        if entry["key"] in seen:
            add("key", f"{name}: 'key' ini sudah dipakai pertanyaan lain. Pakai kode lain.")
        seen.add(entry["key"])
        for field in TEXT_FIELDS:
            for lang in LANGUAGES:
                for message in _text_problems(entry[field][lang], f"{name}: '{field}' ({lang})"):
                    add(field, message)
        if "Pasal" not in entry["cite"]:
            add("cite", f"{name}: 'cite: {entry['cite']}' tidak menyebut pasal. Tulis pasalnya seperti di "
                        "lembar fakta, misalnya 'Pasal 69 UU 18/2017'.")
        for pkey in _penalty_keys(entry):
            if pkey not in penalties:
                add("penalty", f"{name}: 'penalty: {pkey}' tidak ada di data/penalties.yml (bagian criminal). "
                               f"Pakai salah satu: {', '.join(sorted(str(p) for p in penalties))}, atau hapus "
                               "baris ini kalau ancamannya belum terverifikasi.")
        for ckey in entry["contacts"]:
            if ckey not in contacts:
                add("contacts", f"{name}: kontak '{ckey}' tidak ada di data/contacts.yml. Pakai salah satu: "
                                f"{', '.join(sorted(contacts))}.")
    return problems


# ---- The rule --------------------------------------------------------------------------------


def _render_text(value, lang):
    text, _ = facts.render(value, lang, PATH)
    return text


def _penalty_keys(entry):
    penalty = entry.get("penalty")
    if penalty in (None, ""):
        return []
    return [str(p) for p in (penalty if isinstance(penalty, list) else [penalty])]


def _penalties(entry, lang):
    rows = [facts._criminal(key) for key in _penalty_keys(entry)]
    return [f"{facts.penalty_text(row, lang)} ({row['pasal']} {row['law']})" for row in rows if row]


def _result_entry(number, entry, lang):
    return {
        "key": entry["key"],
        "number": number,
        "title": _render_text(entry["title"][lang], lang),
        "warning": _render_text(entry["warning"][lang], lang),
        "cite": entry["cite"],
        "penalties": _penalties(entry, lang),
        "ask": _render_text(entry["ask"][lang], lang),
        "contacts": [facts.load("contacts")[c] for c in entry["contacts"]],
    }


def state(entry, answer):
    """'bahaya' when the answer is the danger answer, 'tidak-tahu' for Tidak tahu, else ''."""
    if answer == entry["danger"]:
        return "bahaya"
    if answer == UNKNOWN:
        return UNKNOWN
    return ""


def evaluate(answers, lang="id", entries=None):
    """The result of a set of answers {key: 'ya' | 'tidak' | 'tidak-tahu'}: the danger signs,
    what to find out, the questions not answered, and the advice that is always given."""
    result = {"warnings": [], "find_out": [], "unanswered": [], "advice": labels(lang)["advice"]}
    for number, entry in enumerate(entries if entries is not None else questions(), start=1):
        answer = answers.get(entry["key"])
        found = state(entry, answer)
        if found == "bahaya":
            result["warnings"].append(_result_entry(number, entry, lang))
        elif found == UNKNOWN:
            result["find_out"].append(_result_entry(number, entry, lang))
        elif answer not in ANSWERS:
            result["unanswered"].append(entry["key"])
    return result


# ---- HTML ------------------------------------------------------------------------------------


def _e(text):
    return html.escape(text, quote=True)


def contact_html(contact, lang):
    kind, value, shown = contact["kind"], contact["value"], contact["display"]
    href = {"phone": f"tel:{value}", "whatsapp": f"https://wa.me/{value}"}.get(kind, value)
    return f'<a href="{_e(href)}">{_e(shown)}</a>, {_e(contact["name"][lang])}'


def checklist(lang):
    """HTML for {{ tabel: periksa-tawaran }}."""
    lab = labels(lang)
    out = [f'<div class="pmi-offer" {MARKER}>', '<ol class="pmi-offer__questions">']
    for number, entry in enumerate(questions(), start=1):
        key = entry["key"]
        danger = lab[entry["danger"]]
        radios = " ".join(
            f'<label><input type="radio" name="{key}" value="{value}"> {_e(lab[value])}</label>'
            for value in ANSWERS
        )
        out.append(
            "<li><fieldset>"
            f'<legend>{number}. {_e(_render_text(entry["question"][lang], lang))}</legend>'
            f'<p class="pmi-screen-only">{_e(_render_text(entry["why"][lang], lang))}</p>'
            f"<p>{radios}</p>"
            f'<p class="pmi-offer__rule">{_e(lab["rule"])}: <strong>{_e(danger)}</strong> &middot; {_e(entry["cite"])}</p>'
            "</fieldset></li>"
        )
    out.append("</ol>")
    out.append(
        '<p class="pmi-offer__actions pmi-screen-only" hidden>'
        f'<button type="button" class="md-button md-button--primary" data-pmi-offer-show>{_e(lab["show"])}</button> '
        f'<button type="button" class="md-button" data-pmi-offer-reset>{_e(lab["reset"])}</button></p>'
    )
    out.append("</div>")
    return "\n".join(out)


def result_script_name(lang):
    """The file, inside the site, that holds the result of one language (pmi_aman.plugin.render)."""
    return f"assets/javascripts/offer-check-{lang}.js"


def result(lang):
    """HTML for {{ tabel: periksa-tawaran-hasil }}: the counts the script fills in, the advice
    that is always given, and where the script finds the danger signs (result_list), which are
    downloaded only when the reader answers a question. The hook writes the address into
    data-pmi-offer-src."""
    lab = labels(lang)
    counts = "".join(
        f'<p data-pmi-sum="{name}" hidden>{_e(lab["sum"][label])} <strong data-pmi-n="{name}">0</strong></p>'
        for name, label in (("bahaya", "danger"), ("tidak-tahu", "unknown"), ("belum", "open"))
    )
    return "\n".join([
        f'<div class="pmi-offer-result pmi-screen-only" data-pmi-offer-result data-pmi-offer-src="{SRC_TOKEN}">',
        f'<h2 id="hasil">{_e(lab["result"])}</h2>',
        f'<div class="pmi-offer__summary" role="status">{counts}<p data-pmi-sum="kosong" hidden>{_e(lab["sum"]["none"])}</p></div>',
        f'<noscript><p>{_e(lab["noscript"])}</p></noscript>',
        '<div data-pmi-offer-list></div>',
        f'<p class="pmi-offer__advice"><strong>{_e(lab["advice"])}</strong></p>',
        "</div>",
    ])


def result_list(lang):
    """Every danger sign of every question, as HTML; the script hides the ones the reader's
    answers do not give."""
    lab = labels(lang)
    out = ['<ul class="pmi-offer__results">']
    for number, entry in enumerate(questions(), start=1):
        item = _result_entry(number, entry, lang)
        danger = _e(lab[entry["danger"]])
        parts = [
            f'<li id="hasil-{item["key"]}" data-pmi-key="{item["key"]}" data-pmi-danger="{entry["danger"]}" hidden>',
            f'<p class="pmi-offer__title"><strong>{_e(lab["question"])} {number}. {_e(item["title"])}</strong><br>',
            f'<span data-pmi-when="bahaya" hidden>{_e(lab["danger"])}: {danger}.</span>',
            f'<span data-pmi-when="tidak-tahu" hidden>{_e(lab["unknown"])}</span></p>',
            f'<p>{_e(item["warning"].rstrip("."))} ({_e(item["cite"])}).</p>',
        ]
        for penalty in item["penalties"]:
            parts.append(f'<p>{_e(lab["penalty"])}: {_e(penalty)}.</p>')
        parts.append(f'<p>{_e(lab["ask"])}: {_e(item["ask"])}</p>')
        links = "; ".join(contact_html(c, lang) for c in item["contacts"])
        parts.append(f'<p>{_e(lab["contacts"])}: {links}</p></li>')
        out.append("".join(parts))
    out.append("</ul>")
    return "".join(out)


def result_script(lang):
    """The JavaScript file of one language: the danger signs, for offer-check.js."""
    return "window.pmiOfferResult = " + json.dumps(result_list(lang), ensure_ascii=False) + ";\n"
