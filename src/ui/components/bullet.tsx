import { Box, Text } from 'ink';
import type { ReactNode } from 'react';

/** A marked line whose wrapped continuation lines hang under the text, not under the mark. */
export function Bullet({ mark = '•', color, children }: { mark?: string; color?: string; children: ReactNode }) {
  return (
    <Box>
      <Box width={2} flexShrink={0}>
        <Text color={color}>{mark}</Text>
      </Box>
      <Text wrap="wrap" color={color}>
        {children}
      </Text>
    </Box>
  );
}
