/** The script rules, in the order they run. Each rule lives in its own file in this folder. */
import { Rule } from '../../types';

export const scriptRules: Rule[] = [];
