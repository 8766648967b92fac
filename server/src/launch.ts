/**
 * The Node flags the language server is started with. The VS Code client (client/src/extension.ts, which
 * does not import server code) mirrors them — test/unit/launch.test.ts checks that it does —, and the tests,
 * the bench and the Neovim end-to-end configuration start the server with them too.
 *
 * --max-semi-space-size=4: V8's young generation stays at 2 × 4 MB instead of growing to 2 × 16 MB and
 * keeping that committed. Measured with a 10 MB file and 100 edits (in-process script, one run each):
 * RSS once still 291 → 271 MB, highest reading between collections 423 → 285 MB; edit latency unchanged
 * (`npm run bench -- --only 3`: p95 54–55 → 50–52 ms; `--only 4` within its noise). Only the command line
 * sets it: v8.setFlagsFromString at run time does not resize the young generation (tried).
 * A server started without it works the same and holds more memory.
 */
export const SERVER_NODE_ARGS: readonly string[] = ['--max-semi-space-size=4'];
