import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';
import { Paragraph } from './paragraph.js';

export interface ChoiceItem {
  label: string;
  hint?: string;
}

/** Labels longer than this put their hints on the line below instead of in a column. */
const LABEL_COLUMN_MAX = 26;

/** Numbered options; the selected one is marked with ❯. Hints form a column and wrap under themselves. */
export function ChoiceList({ choices, selected }: { choices: ChoiceItem[]; selected: number }) {
  const theme = useTheme();
  const widest = Math.max(0, ...choices.map((choice) => [...choice.label].length));
  const column = widest <= LABEL_COLUMN_MAX;
  return (
    <Box flexDirection="column">
      {choices.map((choice, index) => {
        const active = index === selected;
        const label = (
          <Text bold={active} color={active ? theme.accent : undefined}>
            {choice.label}
          </Text>
        );
        const hint = choice.hint ? <Paragraph dim={theme.dim}>{choice.hint}</Paragraph> : null;
        return (
          <Box key={index}>
            <Box width={5} flexShrink={0}>
              <Text color={active ? theme.accent : undefined}>{`${active ? '❯' : ' '} ${index + 1}.`}</Text>
            </Box>
            {column ? (
              <>
                <Box width={widest + 2} flexShrink={0}>
                  {label}
                </Box>
                {hint}
              </>
            ) : (
              <Box flexDirection="column">
                {label}
                {hint ? <Box marginLeft={2}>{hint}</Box> : null}
              </Box>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
