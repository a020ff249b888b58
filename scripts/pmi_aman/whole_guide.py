"""The whole-guide page (cetak-semua.md): which pages it holds and the id of each chapter.
Used by scripts/hooks/whole_guide.py, which builds it, and by the site check, which reports a
problem inside a chapter once, at the chapter's own page."""

WHOLE_GUIDE = "cetak-semua.md"
# Navigation pages that are about the site, not part of the guide.
NOT_IN_GUIDE = {"selebaran.md", "cetak-semua.md", "tentang.md", "status-terjemahan.md"}


def chapter_id(name):
    """biaya.md -> bab-biaya, index.md -> bab-beranda, kegiatan/x.md -> bab-kegiatan-x."""
    stem = name[: -len(".md")]
    stem = stem[: -len("index")].rstrip("/") if stem.endswith("index") else stem
    return "bab-" + (stem.replace("/", "-") or "beranda")
