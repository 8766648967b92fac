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
process.exitCode = cli.main(process.argv.slice(2));
