/** The `corpus` TextMate grammar, tokenised with VS Code's own engine (vscode-textmate + oniguruma). */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const vsctm = require('vscode-textmate');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const oniguruma = require('vscode-oniguruma');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const GRAMMAR = path.join(ROOT, 'syntaxes', 'corpus.tmLanguage.json');

let grammar: { tokenizeLine(line: string, state: unknown): { tokens: { startIndex: number; endIndex: number; scopes: string[] }[]; ruleStack: unknown } };

/** The scopes of the first token that covers `needle` in `line`. */
function scopesOf(line: string, needle: string): string[] {
  const at = line.indexOf(needle);
  assert.ok(at >= 0, `${needle} in ${line}`);
  const { tokens } = grammar.tokenizeLine(line, vsctm.INITIAL);
  const tok = tokens.find((t) => t.startIndex <= at && at < t.endIndex)!;
  return tok.scopes;
}

describe('corpus grammar', () => {
  before(async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
    await oniguruma.loadWASM(wasm);
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
      loadGrammar: async (scope: string) => (scope === 'text.corpus' ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null),
    });
    grammar = await registry.loadGrammar('text.corpus');
  });

  const cases: [string, string, string][] = [
    ['本文地址:http://news.example.com/37085.html 。', 'http://news', 'markup.underline.link.corpus'],
    ['网站资讯与建议:someone@example.com', 'someone@', 'markup.underline.link.email.corpus'],
    ['备案号:藏ICP备09000733号丨公安备案', '藏ICP备', 'constant.other.icp.corpus'],
    ['日期:2021-10-04 01:23:30 来源:互联网', '2021-10-04', 'constant.numeric.date.corpus'],
    ['<style id="utfaj"></style>', 'style', 'entity.name.tag.corpus'],
    ['全文&nbsp;完', '&nbsp;', 'constant.character.entity.corpus'],
    ['熱門關(guān)鍵詞', 'guān', 'meta.annotation.pinyin.corpus'],
  ];
  for (const [line, needle, scope] of cases) {
    it(`${needle} → ${scope}`, () => {
      assert.ok(scopesOf(line, needle).includes(scope), JSON.stringify(scopesOf(line, needle)));
    });
  }

  it('leaves ordinary text and bylines in parentheses plain', () => {
    for (const [line, needle] of [['(記者 劉倩茹 次珍)7日上午', '記者'], ['八个县(市)主要负责同志', '市']]) {
      assert.deepStrictEqual(scopesOf(line, needle), ['text.corpus'], line);
    }
  });
});
