/** The report: one line per check with its mark, the evidence, and the fix on the next line. */
import type { Lang, Localized } from '../i18n/index.js';
import { verifyText as v } from '../i18n/messages/verify.js';
import type { CheckGroup, CheckResult, CheckStatus } from './types.js';

const GROUP_TITLES: Record<CheckGroup, Localized> = {
  dns: v.groupDns,
  delegation: v.groupDelegation,
  'client-api': v.groupClientApi,
  federation: v.groupFederation,
  proxy: v.groupProxy,
  local: v.groupLocal,
};

const UNICODE_MARKS: Record<CheckStatus, string> = { pass: '✓', warn: '!', fail: '✗', skip: '-' };
const ASCII_MARKS: Record<CheckStatus, string> = { pass: 'ok', warn: '!!', fail: 'XX', skip: '--' };
const COLORS: Record<CheckStatus, string> = { pass: '\u001b[32m', warn: '\u001b[33m', fail: '\u001b[31m', skip: '\u001b[2m' };
const RESET = '\u001b[0m';

export interface TextOptions {
  unicode: boolean;
  color: boolean;
  lang: Lang;
}

/** UTF-8 marks unless the locale says otherwise; colour only on a terminal without NO_COLOR. */
export function textOptionsFor(stream: NodeJS.WritableStream, lang: Lang, env: NodeJS.ProcessEnv = process.env): TextOptions {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  const unicode = !locale || /utf-?8/i.test(locale);
  const color = Boolean((stream as { isTTY?: boolean }).isTTY) && !('NO_COLOR' in env) && env.TERM !== 'dumb';
  return { unicode, color, lang };
}

export function summarize(results: CheckResult[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const item of results) counts[item.status]++;
  return counts;
}

export function renderText(results: CheckResult[], heading: Localized, options: TextOptions): string {
  const { lang } = options;
  const marks = options.unicode ? UNICODE_MARKS : ASCII_MARKS;
  const paint = (status: CheckStatus, text: string) => (options.color ? `${COLORS[status]}${text}${RESET}` : text);
  const lines = [heading[lang], ''];
  let group: CheckGroup | undefined;
  for (const item of results) {
    if (item.group !== group) {
      if (group) lines.push('');
      group = item.group;
      lines.push(GROUP_TITLES[group][lang]);
    }
    lines.push(`  ${paint(item.status, marks[item.status])} ${item.label[lang]}: ${item.evidence[lang]}`);
    if (item.fix && item.status !== 'pass') lines.push(`      ${options.unicode ? '→' : '->'} ${item.fix[lang]}`);
  }
  const counts = summarize(results);
  lines.push('', v.summary(counts)[lang]);
  lines.push((counts.fail ? v.fixAndRerun : counts.warn ? v.onlyWarnings : v.allInOrder)[lang]);
  return `${lines.join('\n')}\n`;
}

/** A check as JSON: the same keys and ids in every language; label, evidence and fix in the reader's. */
export function checkJson(item: CheckResult, lang: Lang) {
  return {
    ...item,
    label: item.label[lang],
    evidence: item.evidence[lang],
    ...(item.fix ? { fix: item.fix[lang] } : {}),
  };
}

export function renderJson(results: CheckResult[], meta: { serverName: string; synapseHost: string; checkedAt: string }, lang: Lang): string {
  const counts = summarize(results);
  return `${JSON.stringify({ ...meta, ok: counts.fail === 0, summary: counts, checks: results.map((item) => checkJson(item, lang)) }, null, 2)}\n`;
}
