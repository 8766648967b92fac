import * as assert from 'assert';
import { analyze, RULES } from '../../server/src/engine';
import { compileUserPatterns, MAX_MATCHES_PER_PATTERN, MAX_PATTERNS } from '../../server/src/engine/patterns';

describe('user patterns (RE2)', () => {
  it('a valid pattern finds spans, with the spec category and message and a removal fix', () => {
    const { rule, errors } = compileUserPatterns([{ pattern: '广告[0-9]+', category: 'spam', message: '广告编号' }]);
    assert.deepStrictEqual(errors, []);
    assert.ok(rule);
    const text = '𠀀正文内容。广告123号\n第二行广告7。\n';
    const fs = analyze(text, { rules: [...RULES, rule], categories: ['boilerplate', 'spam'] }).filter((f) => f.rule === 'user/pattern');
    assert.deepStrictEqual(fs.map((f) => text.slice(f.start, f.end)), ['广告123', '广告7']);
    assert.ok(fs.every((f) => f.category === 'spam' && f.message === '广告编号'));
    assert.deepStrictEqual(fs[0].fixes![0].edits, [{ start: fs[0].start, end: fs[0].end, newText: '' }]);
  });

  it('default category is boilerplate; flag i works', () => {
    const { rule, errors } = compileUserPatterns([{ pattern: 'click here', flags: 'i' }]);
    assert.deepStrictEqual(errors, []);
    const fs = rule!.check({ text: 'CLICK HERE now', options: {} } as any);
    assert.strictEqual(fs.length, 1);
    assert.strictEqual(fs[0].category, 'boilerplate');
  });

  it('a catastrophic-backtracking pattern completes on a long input (RE2 is linear) and finds nothing', () => {
    const { rule, errors } = compileUserPatterns([{ pattern: '(a+)+$' }]);
    assert.deepStrictEqual(errors, []);
    const fs = rule!.check({ text: 'a'.repeat(50000) + 'b', options: {} } as any);
    assert.strictEqual(fs.length, 0);
  });

  it('over-long, invalid, bad-flag and non-object patterns are errors, never thrown; valid ones still compile', () => {
    const { rule, errors } = compileUserPatterns([
      { pattern: 'x'.repeat(501) },
      { pattern: '([a-z' },
      { pattern: 'abc', flags: 'g' },
      { pattern: 'abc', category: 'entity' as any },
      42 as any,
      { pattern: 'ok' },
    ]);
    assert.strictEqual(errors.length, 5, errors.join('\n'));
    assert.match(errors[0], /longer than 500/);
    assert.ok(rule);
  });

  it('backreferences and lookbehind (unsupported by RE2) are errors', () => {
    const { rule, errors } = compileUserPatterns([{ pattern: '(a)\\1' }, { pattern: '(?<=a)b' }]);
    assert.strictEqual(rule, undefined);
    assert.strictEqual(errors.length, 2, errors.join('\n'));
  });

  it('at most 1,000 matches per pattern per document; at most 50 patterns', () => {
    const { rule } = compileUserPatterns([{ pattern: 'a' }, { pattern: 'x*' }]);
    assert.strictEqual(rule!.check({ text: 'a'.repeat(5000), options: {} } as any).length, MAX_MATCHES_PER_PATTERN);
    const many = compileUserPatterns(Array.from({ length: MAX_PATTERNS + 5 }, () => ({ pattern: 'a' })));
    assert.ok(many.rule);
    assert.strictEqual(many.errors.length, 1);
    assert.strictEqual(many.rule!.check({ text: 'a', options: {} } as any).length, MAX_PATTERNS);
  });

  it('not an array or empty: no rule', () => {
    assert.strictEqual(compileUserPatterns([]).rule, undefined);
    assert.strictEqual(compileUserPatterns('x' as any).errors.length, 1);
  });
});
