/** Every rule of the engine, registered in one list. */
import { Rule } from '../types';
import { boilerplateRules } from './boilerplate';
import { spamRules } from './spam';
import { artifactRules } from './artifact';
import { piiRules } from './pii';
import { scriptRules } from './script';
import { entityRules } from './entity';

export const RULES: Rule[] = [...spamRules, ...boilerplateRules, ...artifactRules, ...piiRules, ...scriptRules, ...entityRules];
