import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';

export interface ChoiceItem {
  label: string;
  hint?: string;
}

/** Numbered options; the selected one is marked with ❯. */
export function ChoiceList({ choices, selected }: { choices: ChoiceItem[]; selected: number }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      {choices.map((choice, index) => {
        const active = index === selected;
        return (
          <Box key={index}>
            <Box width={5} flexShrink={0}>
              <Text color={active ? theme.accent : undefined}>{`${active ? '❯' : ' '} ${index + 1}.`}</Text>
            </Box>
            <Text wrap="wrap">
              <Text bold={active} color={active ? theme.accent : undefined}>
                {choice.label}
              </Text>
              {choice.hint ? <Text dimColor={theme.dim}>{`  ${choice.hint}`}</Text> : null}
            </Text>
          </Box>
        );
      })}
    </Box>
  );
}
