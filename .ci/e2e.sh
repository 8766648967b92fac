#!/usr/bin/env bash
# End-to-end in real editors, on a fresh machine (apt + npm only):
#   1. Neovim (Debian) headless, its built-in LSP client, the bundled server over stdio
#   2. code-server (VS Code in the browser) + Debian chromium + playwright-core: a UI drive with screenshots
#   3. mocha in code-server's real extension host (the offline stand-in for @vscode/test-electron)
# The extension under test is the .vsix that `npm run package` builds. Tools are cached in .e2e/ (git-ignored).
# Closing line: "e2e: N passed, N failed"; exit 1 on any failure.
# env: E2E_DIR (default .e2e), SHOTS (screenshots, default $E2E_DIR/ci/shots)
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source scripts/playground-env.sh
T0=$(date +%s)
stage() { echo "=== e2e [$(( $(date +%s) - T0 ))s] $*"; }
CI_DIR=$E2E_DIR/ci
SHOTS=${SHOTS:-$CI_DIR/shots}
rm -rf "$CI_DIR"; mkdir -p "$CI_DIR/home" "$CI_DIR/tmp" "$SHOTS"
PASSED=0
FAILED=0
trap 'stop_code_server' EXIT

# run_suite NAME LOG CMD...: runs a suite, adds its closing "N passed, N failed" to the totals
# (a suite that ends without that line counts as one failure)
run_suite() {
  local name=$1 log=$2; shift 2
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local line p f
  line=$(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
  if [ -n "$line" ]; then
    p=${line%% passed*}; f=${line#*, }; f=${f%% failed*}
  else
    p=0; f=0
  fi
  [ "$rc" != 0 ] && [ "$f" = 0 ] && f=1
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
  echo "--- $name: $p passed, $f failed (exit $rc)"
}

finish() {
  stage "done"
  echo "e2e: $PASSED passed, $FAILED failed"
  [ "$FAILED" = 0 ]
  exit $?
}

stage "apt: chromium chromium-driver neovim libkrb5-dev fonts-wqy-zenhei (where missing)"
missing=()
for p in chromium chromium-driver neovim libkrb5-dev fonts-wqy-zenhei; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
# fonts-wqy-zenhei: Chinese glyphs for chromium (the screenshots show Chinese pages)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" > "$CI_DIR/apt.log" 2>&1 \
    || { tail -20 "$CI_DIR/apt.log"; FAILED=$((FAILED + 1)); finish; }
fi
echo "$(chromium --version 2>/dev/null | head -1) · $(nvim --version | head -1)"

stage "npm run package (.vsix)"
[ -x node_modules/.bin/vsce ] || npm ci --loglevel=error
package_extension > "$CI_DIR/package.log" 2>&1 || { tail -30 "$CI_DIR/package.log"; FAILED=$((FAILED + 1)); finish; }
tail -1 "$CI_DIR/package.log"

stage "neovim: headless LSP client, bundled server over stdio"
run_suite neovim "$CI_DIR/nvim.log" env E2E_DIR="$CI_DIR" bash test/e2e/nvim/run.sh

stage "tools: Node $NODE24_VERSION, code-server $CODE_SERVER_VERSION (cached in $E2E_DIR)"
install_code_server || { FAILED=$((FAILED + 1)); finish; }

stage "code-server: install the .vsix, start on 127.0.0.1"
install_extension || { FAILED=$((FAILED + 1)); finish; }
echo "installed: $EXT_PATH"
make_workspace "$CI_DIR/ws-ui"
make_workspace "$CI_DIR/ws-api"
start_code_server "$(free_port)" "$CI_DIR/ws-ui" --vscode-option enable-smoke-test-driver || { FAILED=$((FAILED + 1)); finish; }
echo "code-server up: $CS_URL"
BROWSER_ENV=(env HOME="$CI_DIR/home" TMPDIR="$CI_DIR/tmp" XDG_CONFIG_HOME="$CI_DIR/home/.config" XDG_CACHE_HOME="$CI_DIR/home/.cache")

stage "code-server UI drive (playwright-core + Debian chromium)"
run_suite ui "$CI_DIR/ui.log" timeout 300 "${BROWSER_ENV[@]}" CS_URL="$CS_URL" WS="$CI_DIR/ws-ui" SHOTS="$SHOTS" FAIL_SHOTS="$CI_DIR" node test/e2e/ui/drive.js
echo "screenshots: $SHOTS"

stage "code-server extension host: mocha through the VS Code API"
run_suite vscode "$CI_DIR/vscode.log" timeout 300 "${BROWSER_ENV[@]}" CS_URL="$CS_URL" WS="$CI_DIR/ws-api" EXT_PATH="$EXT_PATH" node test/e2e/vscode/run.js
grep -h "_doActivateExtension corpus-lint.corpus-lint" "$CS_DATA"/user/logs/*/exthost*/remoteexthost.log 2>/dev/null | head -1 | cut -c1-200

stop_code_server
finish
