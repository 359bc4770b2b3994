# rust-ast: two commands do all set-up (README.md).
#   make demo   install, then run every rust-ast command on the bundled example crate
#   make test   install everything the tests need, then run all of them (CI: .ci/run)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO := examples/demo

.PHONY: demo test install test-deps

# The venv and the package (editable), again when pyproject.toml or this Makefile changes.
# Editable in setuptools' compat mode: a plain path in a .pth file. The default (strict)
# mode installs an import finder that site imports at every Python start, with pathlib
# and urllib: 14 ms of the CLI's start-up on a small file. The venv keeps no setuptools
# (pip builds the package with its own, in an isolated environment): its .pth hook
# makes every Python start import _distutils_hack.
$(VENV)/.installed: pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[test]' --config-settings editable_mode=compat
	$(BIN)/python -m pip uninstall -q -y setuptools
	touch $@

# Bytecode on every run (only changed modules are compiled): the CLI's start-up time
# depends on it, and a Python run with PYTHONDONTWRITEBYTECODE never writes it.
install: $(VENV)/.installed
	$(BIN)/python -m compileall -q ast_core server

demo: install
	@echo "== rust-ast tree: the rustc_ast-shaped model, NodeIds as rustc numbers them"
	$(BIN)/rust-ast tree $(DEMO)/src/lib.rs | head -40
	@echo "== rust-ast ids: the NodeId table"
	$(BIN)/rust-ast ids $(DEMO)/src/lib.rs | head -15
	@echo "== rust-ast check-cfg: rustc's unexpected_cfgs lint, with Cargo.toml and build.rs"
	@$(BIN)/rust-ast check-cfg $(DEMO); status=$$?; \
	  echo "(exit status $$status: 1 means check-cfg reported something, as it should here)"; [ $$status -le 1 ]
	@echo "== rust-ast expand: what #[autodiff_*] expands to"
	$(BIN)/rust-ast expand $(DEMO)/src/lib.rs

test-deps: install
	scripts/install_corpus.sh
	scripts/e2e_setup.sh

test: test-deps
	$(BIN)/ruff check -q ast_core server tests bench scripts
	$(BIN)/mypy
	E2E_REQUIRE=1 $(BIN)/python -m pytest -q
