import { Box, Text } from 'ink';
import { Paragraph } from '../components/paragraph.js';
import type { WizardState } from '../state/wizard-state.js';
import { useTheme } from '../theme.js';

function question(state: WizardState): string {
  if (state.screen === 'progress') {
    return `Stop the install? The running step is stopped and recorded as interrupted; continue later with: ${state.resumeCommand}`;
  }
  if (state.screen === 'failure') return `Quit? Finished steps stay done; continue later with: ${state.resumeCommand}`;
  return 'Quit matrix-setup? Nothing has been changed on this machine.';
}

/** Shown over the current screen on Ctrl-C. */
export function QuitConfirm({ state }: { state: WizardState }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" marginTop={1} borderStyle="round" borderColor={theme.warning} paddingX={1}>
      <Paragraph>{question(state)}</Paragraph>
      <Text>
        <Text bold>y</Text> quit · <Text bold>n</Text> or Esc: stay
      </Text>
    </Box>
  );
}
