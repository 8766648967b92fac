/** The entity rules (people, places, organisations). Off unless the `entity` category is asked for. */
import { Rule } from '../../types';

export const entityRules: Rule[] = [];
