"""In the offline edition (use_directory_urls: false, mkdocs-offline.yml) MkDocs would give every
page a canonical address ending in .html, which the public site does not have; the printed
address and QR code of a page (page_meta.py) come from it. Use the public site's address."""

from pmi_aman.offline import directory_url


def on_pre_page(page, config, files):
    if not config.use_directory_urls and config.site_url:
        page.canonical_url = config.site_url.rstrip("/") + "/" + directory_url(page.file.dest_uri)
    return page
