import { Text } from 'ink';
import { useTheme } from '../theme.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const FRAME_MS = 80;

/** The spinner frame for a clock time: the store's ticks move it, so frames are reproducible. */
export function spinnerFrame(now: number): string {
  return FRAMES[Math.floor(now / FRAME_MS) % FRAMES.length]!;
}

export function Spinner({ now, label }: { now: number; label?: string }) {
  const theme = useTheme();
  return (
    <Text>
      <Text color={theme.accent}>{spinnerFrame(now)}</Text>
      {label ? ` ${label}` : ''}
    </Text>
  );
}
