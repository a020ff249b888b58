"""Publish the offline edition's ZIPs at unduh/ on the site, so that pages link to them with
ordinary Markdown links that MkDocs checks, e.g. from docs/id/selebaran.md:
[Unduh versi luring](unduh/pmi-aman-offline-id.zip). Both ZIPs are linkable from both languages.

The ZIPs are made after the build (`make site`: mkdocs-offline.yml, then scripts/offline_zip.py,
which keeps them in build/unduh/ and writes them into site/unduh/). A build publishes the last
ZIPs made, or empty placeholders until `make site` has run once.
"""

from mkdocs.structure.files import File

from pmi_aman import LANGUAGES, ROOT
from pmi_aman.offline import zip_name


def on_files(files, config):
    lang = config.plugins["i18n"].current_language
    for edition in LANGUAGES:
        name = zip_name(edition)
        made = ROOT / "build" / "unduh" / name
        if not made.exists():
            made.parent.mkdir(parents=True, exist_ok=True)
            made.write_bytes(b"")
        archive = File.generated(config, f"{lang}/unduh/{name}", abs_src_path=str(made))
        archive.dest_uri = f"unduh/{name}"
        files.append(archive)
    return files
