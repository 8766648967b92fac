/** The artifact rules, in the order they run. Each rule lives in its own file in this folder. */
import { Rule } from '../../types';
import { pinyinAnnotation } from './pinyin-annotation';
import { doubledPunctuation } from './doubled-punctuation';
import { separatorInsertion } from './separator-insertion';
import { lostCharacter } from './lost-character';
import { htmlEntity } from './html-entity';
import { htmlTag } from './html-tag';
import { invisibleCharacter } from './invisible-character';
import { mojibake } from './mojibake';

export const artifactRules: Rule[] = [
  pinyinAnnotation,
  doubledPunctuation,
  separatorInsertion,
  lostCharacter,
  htmlEntity,
  htmlTag,
  invisibleCharacter,
  mojibake,
];
