/**
 * entity/ner — people, places and organisations, found by the NER model (server/src/engine/ner:
 * an averaged perceptron over characters with nodejieba word and POS features, BIOES Viterbi).
 *
 * Why: a corpus engineer hovers a name to see who or what it is, and lists a page's entities in the
 * outline. Entities are information, not problems: severity `hint`, no fix, and the category is off
 * unless asked for (the CLI's `check` asks for it; the editor shows entities in hovers and outline only).
 * Options: none. Without a segmenter the model runs on characters alone (less accurate).
 *
 *   新疆维吾尔自治区党委书记陈全国在乌鲁木齐会见 → [新疆维吾尔自治区党委]organization … [陈全国]person … [乌鲁木齐]place
 */
import { EntityType, Finding, Rule } from '../../types';
import { finding } from '../helpers';
import { recognize } from '../../ner';

const ID = 'entity/ner';
const LABEL: Record<EntityType, [string, string]> = {
  person: ['Person', '人名'],
  place: ['Place', '地名'],
  organization: ['Organization', '机构名'],
};

export const ner: Rule = {
  id: ID,
  category: 'entity',
  scope: 'span',
  check(ctx) {
    const out: Finding[] = [];
    for (const line of ctx.lines) {
      if (line.blank) continue;
      for (const e of recognize(line.text, ctx.segmenter)) {
        const [en, zh] = LABEL[e.type];
        const f = finding({
          rule: ID,
          category: 'entity',
          message: `${en}: ${e.text}`,
          messageZh: `${zh}:${e.text}`,
          start: line.start + e.start,
          end: line.start + e.end,
        });
        f.entityType = e.type;
        out.push(f);
      }
    }
    return out;
  },
};
