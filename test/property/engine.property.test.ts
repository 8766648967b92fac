/**
 * Property-based tests of the engine (fast-check) over random and adversarial documents: analyze
 * never throws, ranges and fix edits lie inside the document and split no surrogate pair or CRLF,
 * every fix applies cleanly and stays on its finding's lines, clean equals applying all fixes, and
 * a second clean only removes whole lines and changes no Han character inside the others. `npm run soak` runs the
 * same properties on ≥ 100,000 documents; here a few hundred (PROPERTY_RUNS to change).
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { jiebaSegmenter } from '../../server/src/segmenter';
import { anyDocument, document, pageDocument } from './arbitraries';
import { checkDocument, checkSecondClean } from './properties';
import { loadSeed, seedIds } from '../seeds';

const RUNS = Number(process.env.PROPERTY_RUNS) || 300;

describe('engine properties (fast-check)', function () {
  this.timeout(120000);

  it(`invariants hold on ${RUNS} random and adversarial documents`, () => {
    fc.assert(fc.property(document, (t) => void checkDocument(t)), { numRuns: RUNS });
  });

  it(`invariants hold on ${Math.ceil(RUNS / 3)} pages of seed and junk lines, with word segmentation`, () => {
    fc.assert(fc.property(pageDocument, (t) => void checkDocument(t, { segmenter: jiebaSegmenter })), { numRuns: Math.ceil(RUNS / 3) });
  });

  it(`a second clean only removes whole lines and keeps the Chinese text of the others (${Math.ceil(RUNS / 3)} documents)`, () => {
    fc.assert(fc.property(anyDocument, (t) => checkSecondClean(t)), { numRuns: Math.ceil(RUNS / 3) });
  });

  it('analyze never throws on lone surrogates, controls and astral characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (t) => void checkDocument(t)), { numRuns: Math.ceil(RUNS / 3) });
  });

  it('on every seed page a second clean only removes whole lines (full idempotence is not asserted: seed-000, see README)', () => {
    // Known: clean(clean(seed-000)) !== clean(seed-000) — re-analysing the cleaned page,
    // boilerplate/context flags its first headlines as a page header. Rules are not changed here.
    for (const id of seedIds()) checkSecondClean(loadSeed(id).text, { segmenter: jiebaSegmenter });
    assert.ok(true);
  });
});
