"""The site's MkDocs plugin, `pmi-aman` in mkdocs.yml (listed after `search` and `i18n`).

Every build step of the project is here, organised by concern; its settings are the plugin's
options in mkdocs.yml (PmiAmanConfig below):

- render.py      facts from data/ into pages, the page checks, what templates show around a page;
- i18n_fixes.py  what mkdocs-static-i18n leaves to do: a missing translation stops the build,
                 one search index and one 404 page per language, public addresses offline;
- print_guide.py the whole guide (cetak-semua) and the handout PDFs, printed after the build;
- publish.py     the finished site: minified assets, review kit, service workers, offline ZIPs.

mkdocs-static-i18n builds once per language, so every event below runs once per language.
`on_post_build` runs once more after the last language (priority below i18n's -100), when the
whole site is in site_dir: that is where the steps that need the whole site run, in order.
"""

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin, event_priority

from . import building, i18n_fixes, print_guide, publish, render


class Handout(base.Config):
    file = c.Type(str)  # PDF file name without .pdf
    budget = c.Optional(c.Type(int))  # most A4 pages allowed; none: no limit


class PmiAmanConfig(base.Config):
    help_page = c.Type(str, default="pengaduan-bantuan.md")
    whole_guide = c.Type(str, default="cetak-semua.md")
    not_in_guide = c.ListOfItems(c.Type(str), default=[])
    save_pages = c.ListOfItems(c.Type(str), default=[])
    # Handout PDFs: printed with Chromium after the build unless print_handouts is false
    # (`make build`, `make serve`).
    print_handouts = c.Type(bool, default=True)
    handout_folder = c.Type(str, default="selebaran/pdf")
    handouts = c.DictOfItems(c.SubConfig(Handout), default={})
    # The offline edition's ZIPs, linked from the pages at <zip_folder>/ of the public site.
    # The offline build (use_directory_urls: false) writes them into <online_site_dir>/<zip_folder>.
    zip_folder = c.Type(str, default="unduh")
    online_site_dir = c.Type(str, default="site")


class PmiAmanPlugin(BasePlugin[PmiAmanConfig]):
    def on_startup(self, *, command, dirty):
        self.command = command

    def on_config(self, config):
        self.serving = getattr(self, "command", "build") == "serve"
        self.printing = self.config.print_handouts and not self.serving and config.use_directory_urls
        return config

    def on_pre_build(self, *, config):
        i18n_fixes.check_translations(config)
        render.check_data(config)

    def on_files(self, files, *, config):
        render.add_offer_check_scripts(files, config)
        print_guide.declare_handouts(files, config, self)
        publish.declare_zips(files, config, self.config)
        return files

    def on_env(self, env, *, config, files):
        publish.trim_template_whitespace(env)
        publish.add_template_globals(env, config)
        # The handout PDFs and ZIPs were declared only so that MkDocs checks the links to
        # them; they are written after the build, so MkDocs must not copy them.
        building.drop_declared(files)
        return env

    def on_pre_page(self, page, *, config, files):
        return i18n_fixes.public_url(page, config)

    def on_page_markdown(self, markdown, *, page, config, files):
        markdown = render.page_markdown(markdown, page, config, self)
        render.page_meta(page, config)
        return markdown

    def on_page_content(self, html, *, page, config, files):
        return render.page_content(html, page, config, files)

    def on_page_context(self, context, *, page, config, nav):
        render.page_context(page, nav, self.config)
        print_guide.whole_guide(page, nav, self.config)
        render.offer_check_style(page)
        publish.pocket_context(context, page, config, self.config)
        return context

    def on_post_template(self, output_content, *, template_name, config):
        output = i18n_fixes.not_found_per_language(output_content, template_name, config)
        return publish.pocket_template(output, template_name, config)

    @event_priority(-150)  # after mkdocs-static-i18n's own post-build step (-100)
    def on_post_build(self, *, config):
        if config.plugins["i18n"].building:
            return  # an inner per-language build: the site is not complete yet
        languages = list(config.plugins["i18n"].build_languages)
        i18n_fixes.split_search_index(config.site_dir, languages)
        publish.minify(config)
        publish.review_kit(config)
        if self.printing:
            print_guide.print_handouts(config, languages, self.config)
        publish.service_workers(config, languages)
        publish.offline_zips(config, languages, self.config)
