import { Text } from 'ink';
import type { StepStatus } from '../../engine/events.js';
import type { CheckStatus } from '../engine-port.js';
import { useTheme, type Theme } from '../theme.js';
import { spinnerFrame } from './spinner.js';

export type IconStatus = StepStatus | CheckStatus;

const ICONS: Record<Exclude<IconStatus, 'running'>, string> = {
  pending: '○',
  done: '✔',
  pass: '✔',
  failed: '✖',
  fail: '✖',
  warn: '!',
  interrupted: '■',
  skipped: '↷',
};

function colorOf(status: IconStatus, theme: Theme): string | undefined {
  switch (status) {
    case 'done':
    case 'pass':
      return theme.success;
    case 'failed':
    case 'fail':
      return theme.error;
    case 'warn':
    case 'interrupted':
      return theme.warning;
    case 'running':
      return theme.accent;
    default:
      return undefined;
  }
}

export function StatusIcon({ status, now = 0 }: { status: IconStatus; now?: number }) {
  const theme = useTheme();
  const icon = status === 'running' ? spinnerFrame(now) : ICONS[status];
  return <Text color={colorOf(status, theme)}>{icon}</Text>;
}
