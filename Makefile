# PMI Aman. The two commands of the README:
#   make site   builds the whole site into site/ (handout PDFs and offline edition included)
#   make test   runs every test (builds the site first)
# Every target creates .venv from requirements.txt when it is missing.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
VNU    := node_modules/vnu-jar/build/dist/vnu.jar
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site build test check serve bench chromium vnu translation-status banjar-check banjar-data page lock clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-build-isolation --no-deps -e .
	touch $(STAMP)

# The HTML site alone (quick; no handout PDFs, no offline edition).
build: $(STAMP)
	PMI_AMAN_PDF=false $(BIN)/mkdocs build --strict

# The whole site, one build per edition: the public site (its handout PDFs are printed from it
# after the build, scripts/pmi_aman/plugin/print_guide.py), then the offline edition (its ZIPs
# go into site/unduh/, scripts/pmi_aman/offline.py).
site: $(STAMP) chromium
	$(BIN)/mkdocs build --strict
	$(BIN)/mkdocs build --strict -f mkdocs-offline.yml

# Debian's chromium, for the handout PDFs and the browser tests.
chromium:
	@$(BIN)/python scripts/ensure_chromium.py

# The Nu HTML Checker (vnu.jar from npm, pinned in package-lock.json; Java and npm from Debian).
vnu: $(VNU)
$(VNU): package.json package-lock.json
	@$(PYTHON) scripts/ensure_vnu.py
	touch $(VNU)

test: site vnu
	$(BIN)/python -m pytest

# Every problem in one run: builds without stopping at the first problem (scripts/check_site.py).
check: $(STAMP) vnu
	$(BIN)/python scripts/check_site.py --build

serve: $(STAMP)
	$(BIN)/mkdocs serve

translation-status: $(STAMP)
	$(BIN)/python scripts/translation_status.py $(if $(PIN),--pin $(PIN)) $(if $(REVIEWER),--reviewer "$(REVIEWER)")

# How Banjar the Banjar pages are (file and line of each doubt); fails on false friends and
# register slips. banjar-data regenerates its word lists from ../shared/sources/banjar/.
banjar-check: $(STAMP)
	$(BIN)/python scripts/banjar_check.py

banjar-data: $(STAMP)
	$(BIN)/python scripts/banjar_data.py $(if $(SHARED),--shared "$(SHARED)")

page: $(STAMP)
	$(BIN)/python scripts/new_page.py $(NAME) $(if $(TITLE),--title "$(TITLE)")

bench: site
	$(BIN)/python scripts/bench.py

lock: $(STAMP)
	$(BIN)/python -m pip install --quiet -r requirements.in
	{ echo "# Exact versions of everything installed into .venv (resolved from requirements.in)."; \
	  echo "# Regenerate with: make lock"; \
	  $(BIN)/python -m pip freeze --exclude-editable --all | grep -v '^pip=='; } > requirements.txt

clean:
	rm -rf site build
