"""Minify the site's own stylesheets and scripts in site/ (logic in scripts/pmi_aman/minify.py).

After mkdocs-static-i18n has built every language (priority -100) and before the service
workers list the files with their hashes (scripts/hooks/pocket.py, priority -200).
"""

from mkdocs.plugins import event_priority

from pmi_aman import minify


@event_priority(-170)
def on_post_build(config):
    if config.plugins["i18n"].building:
        return
    minify.minify_site(config.site_dir, [config.docs_dir, config.theme.custom_dir])
