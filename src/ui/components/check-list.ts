import type { CheckResult, PreflightItem } from '../engine-port.js';
import { bullet, indented } from '../layout/blocks.js';
import { segment, type Line } from '../layout/line.js';
import { statusIcon } from './status-icon.js';

export type CheckItem = CheckResult | PreflightItem;

/** Preflight or verification results: one line each, the fix under a warning or failure; checks still running spin. */
export function checkLines(items: CheckItem[], width: number, now: number): Line[] {
  const lines: Line[] = [];
  for (const item of items) {
    if (item.status === 'pending') {
      lines.push(...bullet(statusIcon('pending-check', now), [segment(item.label, { bold: true }), segment('…', { dim: true })], width));
      continue;
    }
    lines.push(...bullet(statusIcon(item.status), [segment(item.label, { bold: true }), `: ${item.detail}`], width));
    if (item.fix && item.status !== 'pass' && item.status !== 'skip') lines.push(...indented(bullet(segment('→', { dim: true }), item.fix, width - 2, { dim: true }), 2));
  }
  return lines;
}

/** "✓ 12 checks passed" and each check that did not pass, in full. */
export function problemLines(items: CheckResult[], width: number, now: number): Line[] {
  const passed = items.filter((item) => item.status === 'pass').length;
  const lines: Line[] = [];
  if (passed > 0) lines.push([statusIcon('pass'), segment(` ${passed} check${passed === 1 ? '' : 's'} passed`)]);
  return [...lines, ...checkLines(items.filter((item) => item.status !== 'pass'), width, now)];
}
