import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';
import { shellLine } from './format.js';

/** The running command and its last output lines (already ANSI-stripped by the progress reducer). */
export function OutputTail({ command, lines }: { command?: string[]; lines: string[] }) {
  const theme = useTheme();
  if (!command && lines.length === 0) return null;
  return (
    <Box flexDirection="column" marginTop={1}>
      {command ? (
        <Text wrap="truncate-end" color={theme.accent}>
          $ {shellLine(command)}
        </Text>
      ) : null}
      {lines.map((line, index) => (
        <Text key={index} wrap="truncate-end" dimColor={theme.dim}>
          │ {line}
        </Text>
      ))}
    </Box>
  );
}
