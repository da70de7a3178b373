import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';

/** The title line of every screen, with where the user is on the right. */
export function Header({ title, position }: { title: string; position?: string }) {
  const theme = useTheme();
  return (
    <Box marginBottom={1}>
      <Box flexGrow={1}>
        <Text bold color={theme.accent}>
          matrix-setup
        </Text>
        <Text> · {title}</Text>
      </Box>
      {position ? <Text dimColor={theme.dim}>{position}</Text> : null}
    </Box>
  );
}
