/** The pii rules, in the order they run. Each rule lives in its own file in this folder. */
import { Rule } from '../../types';

export const piiRules: Rule[] = [];
