/**
 * The Node flags the language server is started with. The VS Code client (client/src/extension.ts, which
 * does not import server code) mirrors them — test/unit/launch.test.ts checks that it does —, and the tests,
 * the bench and the Neovim end-to-end configuration start the server with them too.
 *
 * --max-semi-space-size=4: V8's young generation stays at 2 × 4 MB instead of growing to 2 × 16 MB and
 * keeping that committed. `npm run bench` figure 6 (10 MB file, 100 edits, entities off): RSS once still
 * 293 → 272 MB, highest reading during the edits 433 → 292 MB; edit latency unchanged (figure 3 p95
 * 54–55 → 47–52 ms, figure 4 within its noise). Only the command line sets it: v8.setFlagsFromString at run
 * time does not resize the young generation (tried).
 * A server started without it works the same and holds more memory.
 */
export const SERVER_NODE_ARGS: readonly string[] = ['--max-semi-space-size=4'];
