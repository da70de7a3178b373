import { Box, Text } from 'ink';
import { Paragraph, type Span } from './paragraph.js';

/** A marked line whose wrapped continuation lines hang under the text, not under the mark. */
export function Bullet({ mark = '•', color, dim, children }: { mark?: string; color?: string; dim?: boolean; children: Span | Span[] }) {
  return (
    <Box>
      <Box width={2} flexShrink={0}>
        <Text color={color} dimColor={dim}>
          {mark}
        </Text>
      </Box>
      <Paragraph color={color} dim={dim}>
        {children}
      </Paragraph>
    </Box>
  );
}
