/** The boilerplate rules, in the order they run. Each rule lives in its own file in this folder. */
import { Rule } from '../../types';
import { titleSuffixRule } from './title-suffix';
import { breadcrumb } from './breadcrumb';
import { navBar } from './nav-bar';
import { metadata } from './metadata';
import { templateSummary } from './template-summary';
import { leadExcerpt } from './lead-excerpt';
import { repeatedLine } from './repeated-line';
import { tags } from './tags';
import { editorCredit } from './editor-credit';
import { widgets } from './widgets';
import { relatedLinks } from './related-links';
import { pagination } from './pagination';
import { copyright } from './copyright';
import { disclaimer } from './disclaimer';
import { icpLicense } from './icp-license';
import { contact } from './contact';
import { contextRule } from './context';
import { teaserList } from './teaser-list';
import { listingPage } from './listing-page';
import { directoryEntry } from './directory-entry';
import { categoryCount } from './category-count';
import { datedList } from './dated-list';
import { cutTitles } from './cut-titles';
import { teaserPairs } from './teaser-pairs';
import { wikiChrome } from './wiki-chrome';
import { siteLinksRule } from './site-links';
import { templateRun } from './template-run';

export const boilerplateRules: Rule[] = [
  titleSuffixRule,
  breadcrumb,
  navBar,
  metadata,
  templateSummary,
  leadExcerpt,
  repeatedLine,
  tags,
  editorCredit,
  widgets,
  relatedLinks,
  pagination,
  copyright,
  disclaimer,
  icpLicense,
  contact,
  teaserList,
  directoryEntry,
  categoryCount,
  datedList,
  cutTitles,
  teaserPairs,
  wikiChrome,
  siteLinksRule,
  templateRun,
  // phase 1: sees the findings above (and spam's) as known junk
  contextRule,
  listingPage, // phase 2: page-level verdict
];
