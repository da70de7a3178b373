/** The report: one line per check with its mark, the evidence, and the fix on the next line. */
import type { CheckGroup, CheckResult, CheckStatus } from './types.js';

const GROUP_TITLES: Record<CheckGroup, string> = {
  dns: 'DNS',
  delegation: 'Delegation',
  'client-api': 'Client API',
  federation: 'Federation',
  proxy: 'Reverse proxy',
  local: 'This machine',
};

const UNICODE_MARKS: Record<CheckStatus, string> = { pass: '✓', warn: '!', fail: '✗', skip: '-' };
const ASCII_MARKS: Record<CheckStatus, string> = { pass: 'ok', warn: '!!', fail: 'XX', skip: '--' };
const COLORS: Record<CheckStatus, string> = { pass: '\u001b[32m', warn: '\u001b[33m', fail: '\u001b[31m', skip: '\u001b[2m' };
const RESET = '\u001b[0m';

export interface TextOptions {
  unicode: boolean;
  color: boolean;
}

/** UTF-8 marks unless the locale says otherwise; colour only on a terminal without NO_COLOR. */
export function textOptionsFor(stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv = process.env): TextOptions {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  const unicode = !locale || /utf-?8/i.test(locale);
  const color = Boolean((stream as { isTTY?: boolean }).isTTY) && !('NO_COLOR' in env) && env.TERM !== 'dumb';
  return { unicode, color };
}

export function summarize(results: CheckResult[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const item of results) counts[item.status]++;
  return counts;
}

export function renderText(results: CheckResult[], heading: string, options: TextOptions): string {
  const marks = options.unicode ? UNICODE_MARKS : ASCII_MARKS;
  const paint = (status: CheckStatus, text: string) => (options.color ? `${COLORS[status]}${text}${RESET}` : text);
  const lines = [heading, ''];
  let group: CheckGroup | undefined;
  for (const item of results) {
    if (item.group !== group) {
      if (group) lines.push('');
      group = item.group;
      lines.push(GROUP_TITLES[group]);
    }
    lines.push(`  ${paint(item.status, marks[item.status])} ${item.label}: ${item.evidence}`);
    if (item.fix && item.status !== 'pass') lines.push(`      ${options.unicode ? '→' : '->'} ${item.fix}`);
  }
  const counts = summarize(results);
  lines.push('', `${counts.pass} passed, ${counts.warn} warning(s), ${counts.fail} failed, ${counts.skip} skipped.`);
  lines.push(counts.fail ? 'Fix the failures above and run `matrix-setup verify` again.' : counts.warn ? 'Nothing failed; the warnings say what to look at.' : 'Everything checked is in order.');
  return `${lines.join('\n')}\n`;
}

export function renderJson(results: CheckResult[], meta: { serverName: string; synapseHost: string; checkedAt: string }): string {
  const counts = summarize(results);
  return `${JSON.stringify({ ...meta, ok: counts.fail === 0, summary: counts, checks: results }, null, 2)}\n`;
}
