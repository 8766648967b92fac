/**
 * Rule tables in the style of ESLint's RuleTester: `valid` texts give no finding of the rule,
 * `invalid` texts give findings (optionally: how many, which spans), and `output` is the text
 * after applying every fix of those findings.
 */
import * as assert from 'assert';
import { analyze, applyEdits, primaryEdits, Rule, Finding, Segmenter } from '../server/src/engine';

export interface InvalidCase {
  text: string;
  /** Expected number of findings of the rule (default: at least one). */
  count?: number;
  /** Substrings that the findings must cover exactly (the text of each finding, in order). */
  spans?: string[];
  /** Text after applying the findings' first fixes; omit to skip. */
  output?: string;
  /** Only findings whose rule id is this (default: the rule's id). */
  ruleId?: string;
}

export interface RuleTable {
  valid: string[];
  invalid: InvalidCase[];
}

export function findingsOf(rule: Rule | Rule[], text: string, ruleId?: string, segmenter?: Segmenter): Finding[] {
  const rules = Array.isArray(rule) ? rule : [rule];
  const ids = new Set(ruleId ? [ruleId] : rules.map((r) => r.id));
  return analyze(text, { rules, categories: [...new Set(rules.map((r) => r.category))], segmenter }).filter((f) => ids.has(f.rule));
}

export function ruleTable(name: string, rule: Rule | Rule[], table: RuleTable, segmenter?: Segmenter): void {
  describe(name, () => {
    for (const text of table.valid) {
      it(`valid: ${short(text)}`, () => {
        const got = findingsOf(rule, text, undefined, segmenter);
        assert.deepStrictEqual(got.map((f) => text.slice(f.start, f.end)), [], `unexpected findings in ${JSON.stringify(text)}`);
      });
    }
    for (const c of table.invalid) {
      it(`invalid: ${short(c.text)}`, () => {
        const got = findingsOf(rule, c.text, c.ruleId, segmenter);
        if (c.count !== undefined) assert.strictEqual(got.length, c.count, `findings: ${JSON.stringify(got.map((f) => f.rule + ':' + c.text.slice(f.start, f.end)))}`);
        else assert.ok(got.length > 0, `no finding in ${JSON.stringify(c.text)}`);
        for (const f of got) {
          assert.ok(f.start >= 0 && f.end <= c.text.length && f.start <= f.end, 'range inside the text');
        }
        if (c.spans) assert.deepStrictEqual(got.map((f) => c.text.slice(f.start, f.end)), c.spans);
        if (c.output !== undefined) assert.strictEqual(applyEdits(c.text, primaryEdits(got)), c.output);
      });
    }
  });
}

function short(s: string): string {
  const one = s.replace(/\r?\n/g, '⏎');
  return one.length > 60 ? one.slice(0, 57) + '…' : one;
}
