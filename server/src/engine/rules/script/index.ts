/** The script rules, in the order they run. Each rule lives in its own file in this folder. */
import { Rule } from '../../types';
import { scriptDocument } from './document';
import { scriptMixedLine } from './mixed-line';

export const scriptRules: Rule[] = [scriptDocument, scriptMixedLine];
