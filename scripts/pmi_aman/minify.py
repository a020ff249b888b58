"""The site's own stylesheets and scripts, minified in site/ after the build (comments and
spaces removed: about 1.7 KB less on every first visit). The sources in docs/assets/ and
overrides/assets/ keep their comments for editors; file names do not change.

Material's own files are minified already; the offer check's stylesheet is written into its
page from overrides/ (overrides/main.html) and stays as it is.
"""

from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def own_assets(source_dirs):
    """Paths (relative to site/) of the .css and .js files under assets/ of the given folders."""
    found = set()
    for folder in source_dirs:
        assets = Path(folder) / "assets"
        if assets.is_dir():
            found.update(p.relative_to(folder).as_posix() for p in assets.rglob("*")
                         if p.suffix in MINIFIERS and p.is_file())
    return sorted(found)


def minify_text(text, suffix):
    return MINIFIERS[suffix](text).strip() + "\n"


def minify_site(site_dir, source_dirs):
    """Minify, in place, each own stylesheet and script that the build copied into site/."""
    done = []
    for rel in own_assets(source_dirs):
        path = Path(site_dir) / rel
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        path.write_text(minify_text(text, path.suffix), encoding="utf-8")
        done.append(rel)
    return done
