import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';

/** The footer: which keys do what on this screen. */
export function KeyHints({ hints }: { hints: Array<[key: string, action: string]> }) {
  const theme = useTheme();
  return (
    <Box marginTop={1}>
      <Text dimColor={theme.dim} wrap="wrap">
        {hints.map(([key, action]) => `${key} ${action}`).join(' · ')}
      </Text>
    </Box>
  );
}
