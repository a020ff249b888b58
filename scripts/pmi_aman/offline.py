"""The offline edition (mkdocs-offline.yml, packed by scripts/offline_zip.py): page.html files
where the public site has page/, one ZIP per language, and a check that an edition is complete."""

import re
from pathlib import Path
from urllib.parse import unquote

REFERENCE = re.compile(r'(?:href|src)="(?![a-zA-Z][a-zA-Z0-9+.-]*:|#|/)([^"#?]+)')


def directory_url(rel):
    """The public site's path of a file of the offline edition: x/index.html -> x/, y.html -> y/."""
    if rel == "index.html" or rel.endswith("/index.html"):
        return rel[: -len("index.html")]
    if rel.endswith(".html"):
        return rel[: -len(".html")] + "/"
    return rel


def zip_name(lang):
    """File name of the offline edition of one language (in unduh/ on the site)."""
    return f"pmi-aman-offline-{lang}.zip"


def broken_links(folder):
    """Messages (Indonesian) for links and sources in the HTML files under folder that point at
    a file that is not there (an unpacked offline edition must be complete)."""
    folder = Path(folder)
    problems = []
    for page in sorted(folder.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), 1):
            for target in REFERENCE.findall(line):
                if not (page.parent / unquote(target)).resolve().is_file():
                    problems.append(f"{page.relative_to(folder)}:{number}: berkas {target} tidak ada")
    return problems
