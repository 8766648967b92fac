#!/usr/bin/env bash
# Neovim end-to-end: the bundled server (default: the staged .vsix contents, out/vsix/dist/server.js) over stdio
# in headless Neovim's built-in LSP client, on a seed page with spam. Exit 0 only when every check passed.
# env: SERVER_JS, PAGE (default samples/seed-000.txt), E2E_DIR (default .e2e)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
E2E_DIR=${E2E_DIR:-$ROOT/.e2e}
SERVER_JS=${SERVER_JS:-$ROOT/out/vsix/dist/server.js}
PAGE=${PAGE:-$ROOT/samples/seed-000.txt}
WORK=$E2E_DIR/nvim
rm -rf "$WORK"; mkdir -p "$WORK/home" "$WORK/tmp"
[ -f "$SERVER_JS" ] || { echo "no server bundle at $SERVER_JS (npm run package)"; exit 1; }
# the engine's own findings for the page: what the server must publish
node "$ROOT/bin/corpus-lint.js" check --format json --no-entities "$PAGE" > "$WORK/expected.json" || [ $? = 1 ]
# -u NONE: no user config; HOME/XDG/TMPDIR private so nothing outside $WORK is touched
env HOME="$WORK/home" TMPDIR="$WORK/tmp" XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share" \
  XDG_STATE_HOME="$WORK/home/.local/state" XDG_CACHE_HOME="$WORK/home/.cache" \
  SERVER_JS="$SERVER_JS" PAGE="$PAGE" EXPECT_JSON="$WORK/expected.json" WORK_DIR="$WORK/work" RESULT_JSON="$WORK/results.json" \
  timeout 120 nvim --headless -u NONE -i NONE -n -c "luafile $ROOT/test/e2e/nvim/e2e.lua" 2>&1 | tr '\r' '\n' | grep -v '^$'
exit "${PIPESTATUS[0]}"
