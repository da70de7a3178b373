import { Box } from 'ink';
import type { CheckResult } from '../engine-port.js';
import { useTheme } from '../theme.js';
import { Bullet } from './bullet.js';
import { Paragraph } from './paragraph.js';
import { StatusIcon } from './status-icon.js';

/** Preflight or verification results: one line each, with the fix under any warning or failure. */
export function CheckList({ results }: { results: CheckResult[] }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      {results.map((result) => (
        <Box key={result.id} flexDirection="column">
          <Box>
            <Box width={2} flexShrink={0}>
              <StatusIcon status={result.status} />
            </Box>
            <Paragraph>{[{ bold: result.label }, `: ${result.detail}`]}</Paragraph>
          </Box>
          {result.fix && result.status !== 'pass' ? (
            <Box marginLeft={2}>
              <Bullet mark="→" dim={theme.dim}>
                {result.fix}
              </Bullet>
            </Box>
          ) : null}
        </Box>
      ))}
    </Box>
  );
}
