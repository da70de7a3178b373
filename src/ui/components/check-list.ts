import type { Lang } from '../../i18n/language.js';
import { wizardText as w } from '../../i18n/messages/wizard.js';
import type { CheckResult, PreflightItem } from '../engine-port.js';
import { bullet, indented } from '../layout/blocks.js';
import { segment, type Line } from '../layout/line.js';
import { statusIcon } from './status-icon.js';

export type CheckItem = CheckResult | PreflightItem;

/** Preflight or verification results: one line each, the fix under a warning or failure; checks still running spin. */
export function checkLines(items: CheckItem[], width: number, now: number, lang: Lang): Line[] {
  const lines: Line[] = [];
  for (const item of items) {
    const label = item.label[lang];
    if (item.status === 'pending') {
      lines.push(...bullet(statusIcon('pending-check', now), [segment(label, { bold: true }), segment('…', { dim: true })], width));
      continue;
    }
    lines.push(...bullet(statusIcon(item.status), [segment(label, { bold: true }), `: ${item.detail[lang]}`], width));
    if (item.fix && item.status !== 'pass' && item.status !== 'skip') lines.push(...indented(bullet(segment('→', { dim: true }), item.fix[lang], width - 2, { dim: true }), 2));
  }
  return lines;
}

/** "✓ 12 checks passed" and each check that did not pass, in full. */
export function problemLines(items: CheckResult[], width: number, now: number, lang: Lang): Line[] {
  const passed = items.filter((item) => item.status === 'pass').length;
  const lines: Line[] = [];
  if (passed > 0) lines.push([statusIcon('pass'), segment(w.checksPassedLine({ count: passed })[lang])]);
  return [...lines, ...checkLines(items.filter((item) => item.status !== 'pass'), width, now, lang)];
}
