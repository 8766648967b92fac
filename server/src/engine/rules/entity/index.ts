/** The entity rules (people, places, organisations). Off unless the `entity` category is asked for. */
import { Rule } from '../../types';
import { ner } from './ner';

export const entityRules: Rule[] = [ner];
