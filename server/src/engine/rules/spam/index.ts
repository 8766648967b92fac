/** The spam rules, in the order they run. Each rule lives in its own file in this folder. */
import { Rule } from '../../types';
import { injectedHtml } from './injectedHtml';
import { adLexicon } from './adLexicon';
import { gluedSpan } from './gluedSpan';
import { seoKeywords } from './seoKeywords';
import { siteNames } from './siteNames';
import { spread } from './spread';
import { keywordTitles } from './keywordTitles';
import { spamPage } from './spam-page';
import { randomToken } from './random-token';

export const spamRules: Rule[] = [injectedHtml, adLexicon, gluedSpan, seoKeywords, siteNames, keywordTitles, spread, randomToken, spamPage];
