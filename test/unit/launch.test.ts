/**
 * The Node flags the language server runs with (server/src/launch.ts) are the ones every launcher uses: the
 * VS Code client mirrors them (it does not import server code), the Neovim end-to-end configuration
 * passes them, and the test client (and with it the bench) starts the server with them.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { SERVER_NODE_ARGS } from '../../server/src/launch';
import { TestClient } from '../e2e/lspClient';

const ROOT = path.resolve(__dirname, '../../..');

describe('server launch flags (launch.ts)', () => {
  it('the VS Code client mirrors them and starts the server with them', () => {
    const src = fs.readFileSync(path.join(ROOT, 'client/src/extension.ts'), 'utf8');
    const m = /const SERVER_NODE_ARGS = (\[[^\]]*\]);/.exec(src);
    assert.ok(m, 'client/src/extension.ts declares SERVER_NODE_ARGS');
    assert.deepStrictEqual(JSON.parse(m![1].replace(/'/g, '"')), [...SERVER_NODE_ARGS]);
    assert.ok(/run: \{ module, transport: TransportKind\.ipc, options: \{ execArgv: \[\.\.\.SERVER_NODE_ARGS\] \} \}/.test(src), 'run options pass them');
  });
  it('the Neovim end-to-end configuration passes them', () => {
    const lua = fs.readFileSync(path.join(ROOT, 'test/e2e/nvim/e2e.lua'), 'utf8');
    for (const a of SERVER_NODE_ARGS) assert.ok(lua.includes(`'${a}'`), a);
  });
  it('the test client starts the server with them (its command line)', async () => {
    const c = new TestClient();
    try {
      await c.initialize();
      const cmdline = fs.readFileSync(`/proc/${c.proc.pid}/cmdline`, 'utf8').split('\0');
      for (const a of SERVER_NODE_ARGS) assert.ok(cmdline.includes(a), `${a} in ${cmdline.join(' ')}`);
    } finally {
      await c.shutdown();
    }
  });
});
