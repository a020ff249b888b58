"""`make bench`: what the site costs a reader and a builder, printed as tables.

1. Page weight. The built site/ is served on 127.0.0.1 the way GitHub Pages serves it: text
   files gzip-compressed (level 6) and `Cache-Control: max-age=600`. Headless Chromium (phone
   screen) opens every page of both languages with an empty cache (first visit), then the next
   page of the same language in the same tab (next page). Bytes are what Chromium received
   over the network for the page and everything it loaded (DevTools encodedDataLength:
   compressed bodies plus response headers); the requests are those that reached the server.
   Goals (issue 7): first visit <= 60 KB, next page <= 10 KB, no request to another host.
2. Build time of the real site (site and offline edition) and its cost per page.
3. Build scaling: 50, 200 and 800 synthetic pages per language in a temporary copy of the
   project, in a structured menu (sections of 20 pages, 10 sections per group; with
   navigation.prune each page carries only its own part of the menu).
4. Lighthouse (npm package, pinned, installed into build/bench/ on first use) on a sample of
   pages in both languages, mobile profile, with Debian's chromium.

Nothing here is asserted: the hard limits are tests (tests/test_performance.py,
test_accessibility.py, test_offline.py). Options: --skip-lighthouse, --skip-scaling,
--sizes 50,200,800.
"""

import argparse
import gzip
import json
import os
import posixpath
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
BENCH = ROOT / "build" / "bench"
LIGHTHOUSE_VERSION = "12.8.2"  # the last release that runs on Node 20 (13.x needs Node 22)
LIGHTHOUSE_PAGES = ["", "biaya/", "tanya-jawab/", "bjn/", "bjn/biaya/", "bjn/tanya-jawab/"]
GOAL_FIRST, GOAL_NEXT = 60 * 1024, 10 * 1024
PHONE = {"width": 360, "height": 740}
# Any host but the local server resolves to nothing: a request to it is counted, never sent.
NO_OUTSIDE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
COPY_IGNORE = shutil.ignore_patterns(".venv", "site", ".git", "build", "__pycache__", ".pytest_cache", "node_modules")

sys.path.insert(0, str(ROOT / "scripts"))
from pmi_aman import project  # noqa: E402
from pmi_aman.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from pmi_aman.browsing import QuietHandler, is_outside, serve, site_pages  # noqa: E402


class PagesHandler(QuietHandler):
    """Serves like GitHub Pages: gzip for text files, cached for 10 minutes."""

    COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not path.is_file():
            return super().do_GET()  # redirects and 404s as usual
        data = path.read_bytes()
        zipped = path.suffix in self.COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")
        if zipped:
            data = gzip.compress(data, compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=600")
        if zipped:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(data)


def kb(size):
    return f"{size / 1024:.1f}"


def table(headers, rows):
    widths = [max(len(str(x)) for x in column) for column in zip(headers, *rows)]
    line = lambda cells: "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"  # noqa: E731
    out = [line(headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    return "\n".join(out + [line(row) for row in rows])


# 1. Page weight ---------------------------------------------------------------------------------

class Traffic:
    """What one tab received from the network, from Chromium's DevTools protocol."""

    def __init__(self, page):
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("Network.enable")
        self.reset()
        self.cdp.on("Network.requestWillBeSent", lambda e: self.urls.__setitem__(e["requestId"], e["request"]["url"]))
        self.cdp.on("Network.requestServedFromCache", lambda e: self.cached.add(e["requestId"]))
        self.cdp.on("Network.loadingFinished", lambda e: self.bytes.__setitem__(e["requestId"], e["encodedDataLength"]))

    def reset(self):
        self.urls, self.bytes, self.cached = {}, {}, set()

    def summary(self):
        network = [rid for rid, url in self.urls.items()
                   if rid not in self.cached and self.bytes.get(rid, 0) > 0 and not url.startswith("data:")]
        return {
            "bytes": sum(self.bytes.get(rid, 0) for rid in network),
            "requests": len(network),
            "outside": [url for url in self.urls.values() if is_outside(url)],
            "files": [(self.urls[rid], self.bytes[rid]) for rid in network],
        }


def page_weight(browser, base, paths):
    by_lang = {}
    for path in paths:
        by_lang.setdefault("bjn" if path.startswith("bjn/") else "id", []).append(path)
    results = []
    for lang_paths in by_lang.values():
        for i, path in enumerate(lang_paths):
            following = lang_paths[(i + 1) % len(lang_paths)]
            # Without the service worker (issue 12): it would answer the next page from its cache.
            # What it downloads after the first visit is reported apart (report_pocket).
            context = browser.new_context(viewport=PHONE, service_workers="block")
            page = context.new_page()
            traffic = Traffic(page)
            page.goto(base + path, wait_until="networkidle")
            first = traffic.summary()
            traffic.reset()
            page.goto(base + following, wait_until="networkidle")
            second = traffic.summary()
            context.close()
            results.append((path, following, first, second))
    return results


def report_weight(results):
    rows = []
    for path, following, first, second in results:
        flags = ("" if first["bytes"] <= GOAL_FIRST else " >60") + ("" if second["bytes"] <= GOAL_NEXT else " >10")
        rows.append(["/" + path, kb(first["bytes"]), first["requests"], "/" + following,
                     kb(second["bytes"]), second["requests"], len(first["outside"]) + len(second["outside"]),
                     flags.strip()])
    print(table(["page (first visit)", "KB", "requests", "next page", "KB", "requests", "outside", "over goal"], rows))
    firsts = [r[2]["bytes"] for r in results]
    seconds = [r[3]["bytes"] for r in results]
    outside = sum(len(r[2]["outside"]) + len(r[3]["outside"]) for r in results)
    print()
    print(table(["summary", "value", "goal"], [
        ["pages measured", len(results), "every page, both languages"],
        ["first visit, largest", f"{kb(max(firsts))} KB", "<= 60 KB"],
        ["first visit, median", f"{kb(sorted(firsts)[len(firsts) // 2])} KB", ""],
        ["first visits over 60 KB", sum(b > GOAL_FIRST for b in firsts), "0"],
        ["next page, largest", f"{kb(max(seconds))} KB", "<= 10 KB"],
        ["next page, median", f"{kb(sorted(seconds)[len(seconds) // 2])} KB", ""],
        ["next pages over 10 KB", sum(b > GOAL_NEXT for b in seconds), "0"],
        ["requests to other hosts", outside, "0"],
    ]))
    home = next(r for r in results if r[0] == "")
    print("\nFirst visit of / in detail (KB received): " + ", ".join(
        f"{Path(urlsplit(url).path).name or 'index.html'} {kb(size)}" for url, size in home[2]["files"]))


def report_offer_check_scripts():
    """The offer check's scripts, loaded at the reader's first answer (not in its first visit)."""
    rows = []
    for path in sorted((SITE / "assets" / "javascripts").glob("offer-check*.js")):
        data = path.read_bytes()
        rows.append([path.name, kb(len(data)), kb(len(gzip.compress(data, compresslevel=6, mtime=0)))])
    if rows:
        print("\nPeriksa tawaran kerja: scripts loaded at the first answer (goal: offer-check.js <= 4 KB gzip)\n")
        print(table(["file", "KB", "KB gzip"], rows))


def report_pocket():
    """Issue 12: what listen/share/save-for-offline add to a first visit, and what the service
    worker downloads in the background after it (not seen by the page, so not in the table)."""
    from pmi_aman import LANGUAGES, pocket

    script = SITE / "assets" / "javascripts" / "pocket.js"
    if not script.exists():
        return
    rows = []
    for lang in LANGUAGES:
        data = pocket.edition(SITE, lang, LANGUAGES)
        sw = SITE / pocket.prefix(lang) / "sw.js"
        rows.append([lang, len(data["files"]), f"{kb(data['bytes'])} KB", f"{kb(pocket.compressed_size(sw))} KB"])
    print(f"\nPocket (issue 12): pocket.js {kb(pocket.compressed_size(script))} KB gzip, loaded when the reader "
          "first presses listen or share (not in a first visit; the buttons' markup is in each page, the "
          "service worker's registration in site.js). After the first visit the service worker stores its "
          "language's edition (not with data saver on):\n")
    print(table(["edition", "files", "stored, gzip", "sw.js, gzip"], rows))


# 2. and 3. Build time and scaling ----------------------------------------------------------------

def build(project, config="mkdocs.yml", site_dir=None):
    """Run a strict build; return (seconds, number of HTML pages, bytes of HTML)."""
    site_dir = Path(site_dir or tempfile.mkdtemp(prefix="pmi-bench-site-"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(site_dir)],
                            cwd=project, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    pages = [p for p in site_dir.rglob("*.html") if p.name != "404.html" and "tinjau" not in p.parts]
    size = sum(p.stat().st_size for p in pages)
    shutil.rmtree(site_dir, ignore_errors=True)
    return seconds, len(pages), size


WORDS = {
    "id": ("pekerja migran harus memeriksa dokumen resmi sebelum berangkat ke luar negeri dan bertanya "
           "kepada dinas tenaga kerja kabupaten tentang perusahaan penempatan yang punya izin").split(),
    "bjn": ("urang nang bagawi ka luar nagri harus mamariksa dokumen resmi sabalum tulak wan batakun "
            "lawan dinas tanaga karja kabupatin pasal parusahaan panempatan nang baisi izin").split(),
}


def synthetic_body(lang, n, sibling):
    words = WORDS[lang]

    def sentence(seed, length=14):
        text = " ".join(words[(seed * 7 + k * 3) % len(words)] for k in range(length))
        return text[0].upper() + text[1:] + "."

    title = {"id": "Halaman uji", "bjn": "Laman uji"}[lang]
    parts = [f"# {title} {n}\n"]
    for section in range(3):
        parts.append(f"## {title} {n}.{section + 1}\n")
        parts.append(" ".join(sentence(n + section + k) for k in range(4)) + "\n")
        parts.append("\n".join(f"- {sentence(n + k, 8)}" for k in range(4)) + "\n")
    parts.append("| A | B |\n|---|---|\n" + "\n".join(f"| {sentence(k, 3)} | {sentence(k + 1, 4)} |" for k in range(4)) + "\n")
    parts.append(f"[{sentence(n, 2)[:-1]}]({sibling})\n")
    return "\n".join(parts)


def synthetic_site(project, per_language, group=20, sections_per_group=10):
    """Write per_language pages into docs/<lang>/sintetis/ and return a nav entry for them."""
    sys.path.insert(0, str(project / "scripts"))
    from pmi_aman.pages import source_hash

    for lang in ("id", "bjn"):
        shutil.rmtree(project / "docs" / lang / "sintetis", ignore_errors=True)
    names = [f"sintetis/k{i // (group * sections_per_group) + 1:02d}/b{i // group % sections_per_group + 1:02d}/"
             f"h{i + 1:04d}.md" for i in range(per_language)]
    for i, name in enumerate(names):
        sibling = posixpath.relpath(names[i - 1 if i else min(1, len(names) - 1)], posixpath.dirname(name))
        bodies = {lang: synthetic_body(lang, i + 1, sibling) for lang in ("id", "bjn")}
        for lang, body in bodies.items():
            meta = (f"---\ntitle: Uji {i + 1}\ndescription: Halaman uji untuk mengukur waktu build.\n"
                    f"reviewed: 2026-11-28\nsources:\n  - UU No. 18 Tahun 2017\n")
            if lang == "bjn":
                meta += f"translation:\n  source: {source_hash(bodies['id'])}\n  status: draf\n"
            target = project / "docs" / lang / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(meta + "---\n\n" + body, encoding="utf-8")
    groups = {}
    for name in names:
        _, k, b, _ = name.split("/")
        groups.setdefault(f"Kelompok {k[1:]}", {}).setdefault(f"Bagian {b[1:]}", []).append(name)
    return {"Uji": [{k: [{b: items} for b, items in sections.items()]} for k, sections in groups.items()]}


def scaling(sizes):
    rows = []
    with tempfile.TemporaryDirectory(prefix="pmi-bench-") as tmp:
        project = Path(tmp) / "project"
        shutil.copytree(ROOT, project, ignore=COPY_IGNORE)
        nav = project.settings(ROOT)["nav"]
        base_seconds, base_pages, _ = build(project)
        for per_language in sizes:
            extra = synthetic_site(project, per_language)
            (project / "mkdocs-bench.yml").write_text(
                "INHERIT: mkdocs.yml\n" + yaml.safe_dump({"nav": nav + [extra]}, allow_unicode=True),
                encoding="utf-8")
            seconds, pages, size = build(project, "mkdocs-bench.yml")
            rows.append([per_language, pages, f"{seconds:.1f}", f"{1000 * seconds / pages:.1f}",
                         f"{1000 * (seconds - base_seconds) / (pages - base_pages):.1f}", kb(size / pages)])
    print(table(["synthetic pages per language", "HTML pages", "build s", "ms per page",
                 "ms per added page", "KB HTML per page"], rows))


# 4. Lighthouse ---------------------------------------------------------------------------------

def lighthouse_bin():
    binary = BENCH / "node_modules" / ".bin" / "lighthouse"
    marker = BENCH / f".lighthouse-{LIGHTHOUSE_VERSION}"
    if not marker.exists():
        BENCH.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(BENCH), "--no-audit", "--no-fund", "--loglevel=error",
                        f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)
        marker.touch()
    return binary


def lighthouse(base):
    if not shutil.which("npm"):
        print("Lighthouse skipped: npm is missing (Debian: apt-get install npm).")
        return
    binary = lighthouse_bin()
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS, NO_OUTSIDE.replace(" ", "\\ ")])
    rows = []
    for path in LIGHTHOUSE_PAGES:
        result = subprocess.run(
            [str(binary), base + path, "--quiet", "--output=json", "--output-path=stdout",
             "--only-categories=performance,accessibility,best-practices,seo", f"--chrome-flags={flags}"],
            env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=180)
        if result.returncode != 0:
            rows.append(["/" + path, "error", "", "", "", result.stderr.strip().splitlines()[-1:]])
            continue
        report = json.loads(result.stdout)
        scores = [round(100 * report["categories"][c]["score"]) for c in
                  ("performance", "accessibility", "best-practices", "seo")]
        lost = sorted({ref["id"] for category in report["categories"].values() for ref in category["auditRefs"]
                       if ref.get("weight") and (report["audits"][ref["id"]].get("score") or 0) < 0.9
                       and report["audits"][ref["id"]].get("scoreDisplayMode") in ("binary", "numeric")})
        rows.append(["/" + path, *scores, ", ".join(lost) or "-"])
    print(table(["page", "performance", "accessibility", "best practices", "SEO", "scored audits below 90"], rows))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Page weight, build time and Lighthouse scores of PMI Aman.")
    parser.add_argument("--sizes", default="50,200,800", help="synthetic pages per language")
    parser.add_argument("--skip-scaling", action="store_true")
    parser.add_argument("--skip-lighthouse", action="store_true")
    args = parser.parse_args(argv)
    if not (SITE / "index.html").exists():
        raise SystemExit("site/ is missing: run 'make site' first")
    from playwright.sync_api import sync_playwright

    started = time.perf_counter()
    paths = site_pages(SITE, readers_only=True)
    with serve(SITE, PagesHandler) as base:
        print(textwrap.dedent(f"""
            ## 1. Page weight: first visit and next page (phone screen, empty cache, gzip as on GitHub Pages)
            {len(paths)} pages. KB = bytes received over the network, compressed, headers included.
            """).strip() + "\n")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, NO_OUTSIDE])
            report_weight(page_weight(browser, base, paths))
            browser.close()
        report_offer_check_scripts()
        report_pocket()

        print("\n## 2. Build time of the real site\n")
        rows = []
        for label, config in (("site (mkdocs.yml)", "mkdocs.yml"), ("offline edition (mkdocs-offline.yml)", "mkdocs-offline.yml")):
            seconds, pages, size = build(ROOT, config)
            rows.append([label, pages, f"{seconds:.1f}", f"{1000 * seconds / pages:.1f}", kb(size / pages)])
        print(table(["build", "HTML pages", "seconds", "ms per page", "KB HTML per page"], rows))
        zips = sorted((SITE / "unduh").glob("*.zip"))
        if zips:
            print("\nOffline ZIPs: " + ", ".join(f"{z.name} {kb(z.stat().st_size)} KB" for z in zips))

        if not args.skip_scaling:
            print("\n## 3. Build scaling: synthetic pages in a structured menu (temporary copy of the project)\n")
            scaling([int(n) for n in args.sizes.split(",")])

        if not args.skip_lighthouse:
            print(f"\n## 4. Lighthouse {LIGHTHOUSE_VERSION}, mobile profile (simulated slow 4G, 4x CPU slowdown), "
                  "Debian chromium\n")
            lighthouse(base)
    print(f"\nbench finished in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
