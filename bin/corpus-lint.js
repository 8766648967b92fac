#!/usr/bin/env node
'use strict';
// The command line. Built code lives in out/ (npm run build).
const path = require('path');
// `corpus-lint check DIR | head`: the reader went away; stop quietly instead of an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e && e.code === 'EPIPE') process.exit(process.exitCode || 0);
    throw e;
  });
}
let cli;
try {
  cli = require(path.join(__dirname, '..', 'out', 'server', 'src', 'cli', 'main.js'));
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('cli')) {
    process.stderr.write('corpus-lint: not built yet — run `npm run build` first\n');
    process.exit(2);
  }
  throw e;
}
// `check` on worker threads starts the binary again with V8 flags (cli/main.ts poolV8Flags): same arguments,
// same stdio; its exit code (or signal) is this process's
const host = {
  relaunch(flags) {
    const { spawn } = require('child_process');
    const child = spawn(process.execPath, [...process.execArgv, ...flags, __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
    return new Promise((resolve) => {
      child.on('error', (e) => {
        process.stderr.write(`corpus-lint: cannot start ${process.execPath}: ${e.message}\n`);
        resolve(2);
      });
      child.on('exit', (code, signal) => {
        if (signal) {
          process.removeAllListeners(signal); // end as the child ended: by the same signal
          process.kill(process.pid, signal);
        }
        resolve(code ?? 2);
      });
    });
  },
};
process.exitCode = cli.main(process.argv.slice(2), host);
