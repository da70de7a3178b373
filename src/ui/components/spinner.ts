import { segment, type Line } from '../layout/line.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const FRAME_MS = 80;

/** The spinner frame for a clock time: the store's ticks move it, so frames are reproducible. */
export function spinnerFrame(now: number): string {
  return FRAMES[Math.floor(now / FRAME_MS) % FRAMES.length]!;
}

export function spinnerLine(now: number, label: string): Line {
  return [segment(spinnerFrame(now), { tone: 'accent' }), segment(` ${label}`)];
}
