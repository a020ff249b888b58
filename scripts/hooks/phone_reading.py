"""Readable on a small phone and on paper: table cells labelled with their column (stacked
tables on narrow screens, site.css) and the first use of each abbreviation spelled out
(scripts/pmi_aman/reading.py)."""

from pmi_aman import reading


def on_page_content(html, page, config, files):
    lang = config.plugins["i18n"].current_language
    return reading.spell_out_abbreviations(reading.label_table_cells(html), lang)
