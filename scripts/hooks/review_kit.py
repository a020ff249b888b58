"""Write the review kit for a native Banjar speaker into site/tinjau/ (pmi_aman.review_kit):
one printable side-by-side sheet per page pair, outside the navigation. Only for the online
site: the offline edition (use_directory_urls: false) is for readers, not reviewers."""

from pmi_aman import review_kit


def on_post_build(config):
    if config.use_directory_urls:
        review_kit.write(config.site_dir)
