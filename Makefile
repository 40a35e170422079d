# dlqa: make serve | make test | make build | make pdf | make anki | make bench
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve build test pdf anki clean bench

install: $(STAMP) node_modules/.package-lock.json

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# An incremental server (dlqa/devserver.py): one full build, then each save re-renders only
# the pages it affects. `mkdocs serve` still works, rebuilding everything on every save.
serve: install
	$(BIN)/dlqa serve --dev-addr 127.0.0.1:8000

# Build into a temporary folder and move it into place only when the whole build passed,
# so a failed build never leaves a half-written site/ behind.
build: install
	rm -rf .site-tmp
	$(BIN)/mkdocs build --strict --site-dir .site-tmp
	rm -rf site && mv .site-tmp site

# The whole encyclopedia as one PDF, printed by Chromium ($$DLQA_CHROMIUM, or chromium on PATH),
# part by part (see dlqa/pdf.py). The site it builds links the PDF in its footer.
pdf: export DLQA_PDF = 1
pdf: build
	$(BIN)/dlqa pdf --site site --out dist/dlqa.pdf
	cp dist/dlqa.pdf site/dlqa.pdf

# The Anki deck of every question's short answer (the build also puts it in site/).
anki: install
	$(BIN)/dlqa anki --out dist/dlqa.apkg

# The tests read the site this builds (the build runs every snippet once; the tests reuse
# the cached results rather than running them again).
test: build
	$(BIN)/pytest -n auto

# The performance benchmark (issues #9, #23; about 55 minutes on 2 cores): writes benchmarks/RESULTS.md.
# Options: make bench BENCH_ARGS="--sizes 200 --skip-lighthouse". Lighthouse is pinned in
# benchmarks/package-lock.json and installed here only, so `make install` stays fast.
bench: install benchmarks/node_modules/.package-lock.json
	$(BIN)/python -m benchmarks.bench $(BENCH_ARGS)

benchmarks/node_modules/.package-lock.json: benchmarks/package.json benchmarks/package-lock.json
	npm ci --prefix benchmarks --no-audit --no-fund --loglevel=error

clean:
	rm -rf site .site-tmp outputs .cache dist
