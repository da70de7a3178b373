import { Box, Text } from 'ink';
import type { Line, Segment } from '../layout/line.js';
import { useTheme, type Theme } from '../theme.js';

function colorOf(part: Segment, theme: Theme): string | undefined {
  return part.tone ? theme[part.tone] : undefined;
}

/** Draws laid-out lines as they are: each fits the frame, so Ink wraps nothing. */
export function FrameView({ lines }: { lines: Line[] }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      {lines.map((line, row) => (
        <Text key={row} wrap="truncate-end">
          {line.length === 0
            ? ' '
            : line.map((part, at) => (
                <Text key={at} bold={part.bold} color={colorOf(part, theme)} dimColor={Boolean(part.dim) && theme.dim} inverse={part.inverse}>
                  {part.text}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  );
}
