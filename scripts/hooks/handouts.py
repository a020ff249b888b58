"""Publish the handout PDFs made by scripts/make_handouts.py (build/handouts/<lang>/) next to
the handouts page of their language (selebaran/pdf/ and bjn/selebaran/pdf/).

They are added as MkDocs files, so MkDocs copies them into site/ and checks the links to them
on selebaran.md ({{ tabel: selebaran }}). Without build/handouts.json nothing is added and the
handouts page says the PDFs have not been made yet.
"""

from mkdocs.structure.files import File

from pmi_aman import DEFAULT_LANGUAGE, handouts


def on_files(files, config):
    lang = config.plugins["i18n"].current_language
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    for entry in handouts.available(lang):
        source = handouts.pdf_path(entry["page"], lang)
        name = f"{handouts.SITE_FOLDER}/{source.name}"
        pdf = File.generated(config, f"{lang}/{name}", abs_src_path=str(source))
        pdf.dest_uri = prefix + name
        files.append(pdf)
    return files
