#!/usr/bin/env bash
# npm start — the playground: a real VS Code in the browser (code-server) with the packaged extension installed
# and the seed pages opened. Installs what it needs into .e2e/ (git-ignored): Node 24 and code-server from npm
# (+ libkrb5-dev from apt when missing, for code-server's native modules). Bound to 127.0.0.1 only, no auth,
# telemetry off. Ctrl-C stops everything it started.
# env: PORT (default 8080; a free port when 8080 is taken), E2E_DIR (default .e2e)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/playground-env.sh"
cd "$ROOT"

if ! dpkg -s libkrb5-dev >/dev/null 2>&1 && [ ! -f "$CS_ENTRY" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "== apt-get install libkrb5-dev (code-server's kerberos module is built from source)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libkrb5-dev >/dev/null
  else
    echo "code-server needs libkrb5-dev: sudo apt-get install libkrb5-dev" >&2; exit 1
  fi
fi
[ -x node_modules/.bin/esbuild ] && [ -x node_modules/.bin/vsce ] || { echo "== npm install"; npm install --loglevel=error; }

echo "== tools: Node $NODE24_VERSION + code-server $CODE_SERVER_VERSION in $E2E_DIR"
install_code_server
echo "== package the extension"
package_extension
echo "== install $(basename "$VSIX") into a fresh code-server profile"
install_extension >/dev/null
WS=$E2E_DIR/playground
make_workspace "$WS"          # a fresh copy of samples/*.txt: edit freely, the next start resets it

port=$(free_port "${PORT:-8080}")
trap 'echo; echo "== stopping code-server"; stop_code_server; exit 0' INT TERM
trap 'stop_code_server' EXIT
start_code_server "$port" "$WS"
cat <<EOF

  corpus-lint playground: open  $CS_URL/?folder=$WS
  (code-server $CODE_SERVER_VERSION on 127.0.0.1 only, no password, telemetry off; workspace: the seed pages in $WS)
  Open seed-000.txt (spam, boilerplate) or seed-002.txt (Traditional). Logs: $CS_DATA/code-server.log
  Ctrl-C stops it.

EOF
wait "$CS_PID"
