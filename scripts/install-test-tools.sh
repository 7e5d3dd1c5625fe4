#!/usr/bin/env bash
# Installs the integration-test tools into DIR (default .test-tools, gitignored):
#   code-server  — the real VS Code server + web workbench (its Node extension host runs our extension)
#   playwright-core — drives that workbench in Debian's Chromium
# from the npm registry alone (no GitHub, no VS Code CDN). Idempotent: a marker file records the
# versions of the last complete install, and a matching one makes this a no-op.
#
# usage: bash scripts/install-test-tools.sh [DIR]
# needs (Debian): apt-get install chromium libkrb5-dev ripgrep   (+ g++ make python3 for native modules)
set -euo pipefail

CS_VERSION=${CS_VERSION:-4.100.3}   # VS Code 1.100.3; the last code-server whose engines accept Node 20
PW_VERSION=${PW_VERSION:-1.65.1}    # pinned: proven against Debian's chromium
DIR=${1:-.test-tools}
mkdir -p "$DIR"
TOOLS=$(cd "$DIR" && pwd)
MARKER=$TOOLS/.installed
WANT="code-server@$CS_VERSION playwright-core@$PW_VERSION node@$(node -p 'process.versions.modules')"

if [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$WANT" ] \
   && [ -f "$TOOLS/node_modules/code-server/out/node/entry.js" ] && [ -d "$TOOLS/node_modules/playwright-core" ]; then
  echo "test tools already installed in $TOOLS ($WANT)"
  exit 0
fi

missing=()
for cmd in rg g++ make python3; do command -v "$cmd" >/dev/null || missing+=("$cmd"); done
[ -f /usr/include/krb5.h ] || [ -f /usr/include/krb5/krb5.h ] || missing+=("libkrb5-dev")
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-test-tools: missing ${missing[*]} — run: apt-get install chromium libkrb5-dev ripgrep g++ make python3" >&2
  exit 1
fi

rm -f "$MARKER"
cd "$TOOLS"
echo '{ "name": "retention-lens-test-tools", "private": true }' > package.json

# Everything below stays out of $HOME: code-server writes ~/.config/code-server/config.yaml unless
# told otherwise, and node-gyp/npx may create cache folders under XDG dirs.
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/rl-tools.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
export XDG_CONFIG_HOME=$SCRATCH/xdg-config XDG_CACHE_HOME=$SCRATCH/xdg-cache XDG_DATA_HOME=$SCRATCH/xdg-data
# node-gyp must build against the installed Node's headers: without nodedir it downloads them (offline: fails)
if [ -z "${npm_config_nodedir:-}" ] && ! npm config get nodedir 2>/dev/null | grep -q '^/' && [ -f /usr/include/node/node.h ]; then
  export npm_config_nodedir=/usr
fi

# 1) fetch the packages without running any install script yet
npm install --no-audit --no-fund --no-save --ignore-scripts --loglevel=error \
  "code-server@$CS_VERSION" "playwright-core@$PW_VERSION"

# 2) @vscode/ripgrep's postinstall downloads rg from GitHub. It first looks for the tarball in
#    $TMPDIR/vscode-ripgrep-cache-<pkg version>/ripgrep-<tag>-x86_64-unknown-linux-musl.tar.gz:
#    seed that cache with Debian's /usr/bin/rg.
SEED=$SCRATCH/seed
mkdir -p "$SEED"
RG_PKG_VER=$(node -p "(require('./node_modules/code-server/lib/vscode/npm-shrinkwrap.json').packages['node_modules/@vscode/ripgrep'] || {}).version || ''")
if [ -n "$RG_PKG_VER" ]; then
  (cd "$SEED" && npm pack --silent "@vscode/ripgrep@$RG_PKG_VER" >/dev/null && tar xzf vscode-ripgrep-*.tgz)
  RG_TAG=$(sed -n "s/^const VERSION = '\(.*\)';/\1/p" "$SEED/package/lib/postinstall.js")
  [ -n "$RG_TAG" ] || { echo "install-test-tools: cannot read the ripgrep tag from @vscode/ripgrep@$RG_PKG_VER" >&2; exit 1; }
  mkdir -p "$SEED/vscode-ripgrep-cache-$RG_PKG_VER"
  tar czf "$SEED/vscode-ripgrep-cache-$RG_PKG_VER/ripgrep-$RG_TAG-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
  echo "seeded the ripgrep cache: @vscode/ripgrep $RG_PKG_VER ($RG_TAG) <- $(rg --version | head -1)"
fi

# 3) run the install scripts: code-server's postinstall runs `npm install --omit=dev` in lib/vscode
#    (node-gyp builds of node-pty, @vscode/spdlog, kerberos, …).
#    npm_config_unsafe_perm: as root, code-server's postinstall.sh refuses to run without it.
#    npm_config_yes: node-pty's postinstall runs `npx node-gyp`; a `yes=false` npmrc would cancel it.
#    TMPDIR: where @vscode/ripgrep looks for its download cache.
TMPDIR=$SEED npm_config_unsafe_perm=true npm_config_yes=true npm rebuild --foreground-scripts --loglevel=error \
  > "$SCRATCH/rebuild.log" 2>&1 || { tail -60 "$SCRATCH/rebuild.log" >&2; echo "install-test-tools: npm rebuild failed" >&2; exit 1; }

# 4) check the result: the server starts, the native pty module exists, rg is in place
CS=node_modules/code-server/out/node/entry.js
version=$(node "$CS" --config /dev/null --version | head -1)
case "$version" in "$CS_VERSION"*) ;; *) echo "install-test-tools: unexpected code-server version: $version" >&2; exit 1 ;; esac
find node_modules/code-server/lib/vscode/node_modules/node-pty -name pty.node | grep -q . \
  || { echo "install-test-tools: node-pty was not built" >&2; exit 1; }
[ -z "$RG_PKG_VER" ] || [ -x node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg ] \
  || { echo "install-test-tools: @vscode/ripgrep has no rg binary" >&2; exit 1; }
node -e "require('playwright-core')"

echo "$WANT" > "$MARKER"
echo "test tools installed in $TOOLS: code-server $version, playwright-core $PW_VERSION"
