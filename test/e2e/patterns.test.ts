/**
 * Workspace Trust, through the real server over stdio: corpusLint.customPatterns (answered through
 * workspace/configuration) is honoured only when initializationOptions.trusted is true, or after the
 * client's corpusLint/trust notification.
 */
import * as assert from 'assert';
import { defaultCapabilities, TestClient } from './lspClient';

const TEXT = '10月3日上午,当地召开视频会议,通报疫情有关情况。推广码XYZ123请关注。\n';
const SETTINGS = { debounceMs: 0, customPatterns: [{ pattern: '推广码[A-Z0-9]+', category: 'spam', message: 'promo code' }, { pattern: '(a)\\1' }] };

describe('user patterns and Workspace Trust (server over stdio)', function () {
  this.timeout(60000);

  async function run(trusted: boolean | undefined, after?: (c: TestClient, uri: string) => Promise<void>) {
    const client = new TestClient();
    client.settings = SETTINGS;
    try {
      await client.initialize(defaultCapabilities(), trusted === undefined ? {} : { trusted });
      const uri = `file:///tmp/patterns-${String(trusted)}.corpus`;
      client.open(uri, TEXT);
      const d = await client.diagnosticsFor(uri, 1);
      if (after) await after(client, uri);
      return { d, client };
    } finally {
      await client.shutdown();
    }
  }

  it('trusted workspace: a user/pattern diagnostic appears, and pattern errors are logged once', async () => {
    const { d, client } = await run(true);
    const u = d.diagnostics.filter((x: any) => x.code === 'user/pattern');
    assert.strictEqual(u.length, 1, JSON.stringify(d.diagnostics));
    assert.strictEqual(u[0].message.includes('promo code'), true);
    assert.strictEqual(client.logs.filter((l) => l.includes('customPatterns')).length, 1, JSON.stringify(client.logs));
  });

  it('untrusted (or unknown) workspace: no user/pattern diagnostic; granting trust turns patterns on', async () => {
    for (const t of [false, undefined]) {
      const { d } = await run(t);
      assert.ok(!d.diagnostics.some((x: any) => x.code === 'user/pattern'), JSON.stringify(d.diagnostics));
    }
    await run(false, async (client, uri) => {
      const before = client.published.length;
      await client.conn.sendNotification('corpusLint/trust', { trusted: true });
      const p = await client.waitFor(() => client.published.slice(before).find((x) => x.uri === uri), 'diagnostics after trust');
      assert.ok(p.diagnostics.some((x: any) => x.code === 'user/pattern'), JSON.stringify(p.diagnostics));
    });
  });
});
