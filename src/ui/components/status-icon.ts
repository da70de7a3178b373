import type { StepStatus } from '../../engine/events.js';
import type { CheckStatus } from '../engine-port.js';
import { segment, type Segment, type Tone } from '../layout/line.js';
import { spinnerFrame } from './spinner.js';

/** Step states, check results, and a check still running. */
export type IconStatus = StepStatus | CheckStatus | 'pending-check';

const ICONS: Record<Exclude<IconStatus, 'running' | 'pending-check'>, string> = {
  pending: '○',
  done: '✓',
  pass: '✓',
  failed: '✗',
  fail: '✗',
  warn: '!',
  interrupted: '■',
  skipped: '↷',
  skip: '↷',
};

const TONES: Partial<Record<IconStatus, Tone>> = {
  done: 'success',
  pass: 'success',
  failed: 'error',
  fail: 'error',
  warn: 'warning',
  interrupted: 'warning',
  running: 'accent',
  'pending-check': 'accent',
};

/**
 * A step's or check's mark; running steps and checks still in progress spin. The marks are
 * ✓ and ✗ rather than the heavy ✔ and ✖: terminals draw those one column wide, but Ink
 * measures them as two (as emoji), which would misalign and cut full-width lines.
 */
export function statusIcon(status: IconStatus, now = 0): Segment {
  const icon = status === 'running' || status === 'pending-check' ? spinnerFrame(now) : ICONS[status];
  const tone = TONES[status];
  return tone ? segment(icon, { tone }) : segment(icon);
}
