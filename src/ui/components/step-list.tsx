import { Box, Text } from 'ink';
import type { ProgressStep } from '../state/progress-state.js';
import { useTheme } from '../theme.js';
import { duration } from './format.js';
import { StatusIcon } from './status-icon.js';

function timing(step: ProgressStep, now: number): string {
  if (step.status === 'running' && step.startedAt !== undefined) return duration(now - step.startedAt);
  if (step.status === 'skipped') return 'skipped';
  if (step.durationMs !== undefined) return `${duration(step.durationMs)}${step.status === 'done' && step.changed === false ? ' · no change' : ''}`;
  if (step.status === 'interrupted') return 'interrupted';
  return '';
}

/** One line per step: status icon, title, elapsed time (or why it is skipped). */
export function StepList({ steps, now }: { steps: ProgressStep[]; now: number }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      {steps.map((step) => (
        <Box key={step.id}>
          <Box width={2} flexShrink={0}>
            <StatusIcon status={step.status} now={now} />
          </Box>
          <Box flexGrow={1}>
            <Text wrap="truncate-end" bold={step.status === 'running'} dimColor={theme.dim && (step.status === 'pending' || step.status === 'skipped')}>
              {step.title}
              {step.recheck && step.status === 'running' ? ' (checking)' : ''}
            </Text>
          </Box>
          <Box flexShrink={0} marginLeft={1}>
            <Text dimColor={theme.dim}>{timing(step, now)}</Text>
          </Box>
        </Box>
      ))}
    </Box>
  );
}
