/** The pii rules, in the order they run. Each rule lives in its own file in this folder. */
import { Rule } from '../../types';
import { email } from './email';
import { url } from './url';
import { idCard } from './id-card';
import { mobile } from './mobile';
import { phone } from './phone';

export const piiRules: Rule[] = [email, url, idCard, mobile, phone];
