import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';
import { Bullet } from './bullet.js';

/** A one-line text entry with its inline validation message. */
export function Field({ text, placeholder, error }: { text: string; placeholder?: string; error?: string }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      <Box>
        <Text color={theme.accent}>› </Text>
        {text ? <Text>{text}</Text> : placeholder ? <Text dimColor={theme.dim}>{placeholder}</Text> : null}
        <Text inverse> </Text>
      </Box>
      {error ? (
        <Box marginLeft={2}>
          <Bullet mark="✖" color={theme.error}>
            {error}
          </Bullet>
        </Box>
      ) : null}
    </Box>
  );
}
