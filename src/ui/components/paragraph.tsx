import { Box, Text } from 'ink';
import { splitWords, type Span } from './format.js';

export type { Span };

/**
 * Text that wraps at word boundaries with no stray space at the start of a line (Ink's own
 * wrapping keeps the space a line break falls on). Words are laid out by flex-wrap.
 */
export function Paragraph({ children, color, dim = false }: { children: Span | Span[]; color?: string; dim?: boolean }) {
  const words = splitWords(Array.isArray(children) ? children : [children]);
  return (
    <Box flexWrap="wrap" columnGap={1}>
      {words.map((pieces, index) => (
        <Text key={index} color={color} dimColor={dim} wrap="wrap">
          {pieces.map((piece, at) => (piece.bold ? <Text key={at} bold>{piece.text}</Text> : piece.text))}
        </Text>
      ))}
    </Box>
  );
}
