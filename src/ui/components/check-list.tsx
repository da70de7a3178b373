import { Box, Text } from 'ink';
import type { CheckResult } from '../engine-port.js';
import { useTheme } from '../theme.js';
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
            <Text wrap="wrap">
              <Text bold>{result.label}</Text>: {result.detail}
            </Text>
          </Box>
          {result.fix && result.status !== 'pass' ? (
            <Box marginLeft={2}>
              <Text wrap="wrap" dimColor={theme.dim}>
                → {result.fix}
              </Text>
            </Box>
          ) : null}
        </Box>
      ))}
    </Box>
  );
}
