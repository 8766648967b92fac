import * as assert from 'assert';
import { analyze, applyEdits, clean, fixAll, judgeInput, normalizeEdits, Rule, summarize } from '../../server/src/engine';
import { lazyFixes, lineFinding, spanFinding } from '../../server/src/engine/rules/helpers';
import { shiftFinding } from '../../server/src/engine/edits';

const junkRule: Rule = {
  id: 'boilerplate/test-junk',
  category: 'boilerplate',
  scope: 'line',
  check: (ctx) =>
    ctx.lines.filter((l) => l.text.includes('JUNK')).map((l) => lineFinding(l, ctx.lines, { rule: 'boilerplate/test-junk', category: 'boilerplate', message: 'junk' })),
};
const throwingRule: Rule = {
  id: 'spam/throws',
  category: 'spam',
  scope: 'document',
  check: () => {
    throw new Error('boom');
  },
};
const laterRule: Rule = {
  id: 'spam/sees-prior',
  category: 'spam',
  scope: 'document',
  phase: 1,
  check: (ctx) => (ctx.prior.length ? [spanFinding(0, 1, { rule: 'spam/sees-prior', category: 'spam', message: `saw ${ctx.prior.length}` })] : []),
};

describe('engine', () => {
  it('isolates a rule that throws and reports it', () => {
    const errors: string[] = [];
    const text = '正文一行。\nJUNK 这一行\n正文。';
    const got = analyze(text, { rules: [throwingRule, junkRule, laterRule], onRuleError: (r, e) => errors.push(`${r.id}: ${(e as Error).message}`) });
    assert.deepStrictEqual(errors, ['spam/throws: boom']);
    assert.deepStrictEqual(got.map((f) => f.rule).sort(), ['boilerplate/test-junk', 'spam/sees-prior']);
  });

  it('a removal fix takes the whole line with its line break, CRLF included', () => {
    const text = '第一行\r\nJUNK 第二行\r\n第三行';
    const got = analyze(text, { rules: [junkRule] });
    assert.strictEqual(fixAll(text, got), '第一行\r\n第三行');
    assert.strictEqual(text.slice(got[0].start, got[0].end), 'JUNK 第二行');
  });

  it('clean equals applying every fix', () => {
    const text = 'JUNK a\n正文\nJUNK b\n';
    assert.strictEqual(clean(text, { rules: [junkRule] }), fixAll(text, analyze(text, { rules: [junkRule] })));
    assert.strictEqual(clean(text, { rules: [junkRule] }), '正文\n');
  });

  it('edits: overlapping removals merge, conflicting replacements are dropped', () => {
    assert.deepStrictEqual(normalizeEdits([{ start: 2, end: 6, newText: '' }, { start: 0, end: 4, newText: '' }]), [{ start: 0, end: 6, newText: '' }]);
    assert.strictEqual(applyEdits('abcdefgh', [{ start: 1, end: 3, newText: '' }, { start: 2, end: 4, newText: 'X' }, { start: 6, end: 7, newText: 'Y' }]), 'adefYh');
  });

  it('binary input gives one finding and nothing else', () => {
    const text = 'abc\u0000\u0001\u0002'.repeat(100);
    const got = analyze(text);
    assert.strictEqual(got.length, 1);
    assert.strictEqual(got[0].rule, 'artifact/binary');
    assert.strictEqual(clean(text), text, 'clean leaves binary input untouched');
  });

  it('wrongly decoded input (GBK read as UTF-8) gives one finding', () => {
    const text = 'ÄãºÃ \ufffd\ufffd\ufffd\ufffd abc \ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\n'.repeat(20);
    assert.strictEqual(judgeInput(text).kind, 'mis-decoded');
    const got = analyze(text);
    assert.deepStrictEqual(got.map((f) => f.rule), ['artifact/wrong-encoding']);
  });

  it('empty and blank input give no findings', () => {
    assert.deepStrictEqual(analyze(''), []);
    assert.deepStrictEqual(analyze('\n\r\n \u3000\n'), []);
  });

  it('runs the built-in rules on hostile text without throwing and keeps ranges inside', () => {
    const hostile = ['𠀀𠀁😀'.repeat(50), 'x'.repeat(100000), '。，、'.repeat(300), '\r\r\n\n\r', '<script>alert(1)</script>', '\ufeff开头', '&nbsp;&#x4e2d;&amp;'].join('\n');
    const errors: string[] = [];
    const got = analyze(hostile, { onRuleError: (r, e) => errors.push(r.id + ' ' + e) });
    assert.deepStrictEqual(errors, []);
    for (const f of got) assert.ok(0 <= f.start && f.start <= f.end && f.end <= hostile.length, f.rule);
    assert.strictEqual(typeof clean(hostile), 'string');
  });

  it('summarize gives the share of content and counts per category', () => {
    const text = 'JUNK JUNK\n正文正文正文正文正文正文正文正文';
    const s = summarize(text, analyze(text, { rules: [junkRule] }));
    assert.strictEqual(s.counts.boilerplate, 1);
    assert.ok(s.contentShare > 0.5 && s.contentShare < 0.9, String(s.contentShare));
  });
});

describe('shiftFinding (edits.ts)', () => {
  it('moves the finding and its edits; the same object when the shift is 0', () => {
    const f = { rule: 'r', category: 'boilerplate' as const, severity: 'hint' as const, message: 'm', start: 2, end: 5, fixes: [{ title: 't', edits: [{ start: 2, end: 6, newText: '' }] }] };
    const g = shiftFinding(f, 10);
    assert.deepStrictEqual([g.start, g.end, g.fixes![0].edits[0].start, g.fixes![0].edits[0].end], [12, 15, 12, 16]);
    assert.deepStrictEqual([f.start, f.fixes[0].edits[0].start], [2, 2], 'the original is not changed');
    assert.strictEqual(shiftFinding(f, 0), f);
  });
  it('fixes made when read (lazyFixes) stay so after a move: a whole-text conversion is not made by moving its finding', () => {
    let made = 0;
    const f = lazyFixes({ rule: 'script/document', category: 'script', severity: 'hint', message: 'm', start: 0, end: 4 }, () => {
      made++;
      return [{ title: 'Convert', edits: [{ start: 0, end: 4, newText: '關鍵會議' }] }];
    });
    const g = shiftFinding(shiftFinding(f, 100), -40);
    assert.strictEqual(made, 0);
    assert.deepStrictEqual(Object.keys(g), ['rule', 'category', 'severity', 'message', 'start', 'end', 'fixes']);
    assert.deepStrictEqual([g.start, g.end], [60, 64]);
    assert.deepStrictEqual(g.fixes, [{ title: 'Convert', edits: [{ start: 60, end: 64, newText: '關鍵會議' }] }]);
    assert.strictEqual(made, 1);
    assert.deepStrictEqual(f.fixes![0].edits[0], { start: 0, end: 4, newText: '關鍵會議' }, 'the original is not moved');
    assert.strictEqual(made, 1, 'made once');
    assert.strictEqual(JSON.parse(JSON.stringify(g)).fixes[0].edits[0].start, 60);
  });
});
