import { Box, Text } from 'ink';
import { ChoiceList } from '../components/choice-list.js';
import { shellLine } from '../components/format.js';
import { Header } from '../components/header.js';
import { Paragraph } from '../components/paragraph.js';
import { KeyHints } from '../components/key-hints.js';
import { FAILURE_OPTIONS, type WizardState } from '../state/wizard-state.js';
import { useTheme } from '../theme.js';

const SHOWN_LINES = 10;

export function FailureScreen({ state }: { state: WizardState }) {
  const theme = useTheme();
  const outcome = state.outcome!;
  const error = outcome.error ?? { message: 'The install stopped.' };
  const step = state.progress.steps.find((s) => s.id === outcome.failedStep);
  const stepName = step ? `${step.title} (${step.id})` : (outcome.failedStep ?? 'unknown step');
  const output = (error.outputTail?.length ? error.outputTail : state.progress.tail).slice(-SHOWN_LINES);
  const interrupted = outcome.status === 'interrupted';
  return (
    <Box flexDirection="column">
      <Header title={interrupted ? 'Install stopped' : 'Install failed'} />
      <Text color={theme.error} bold wrap="wrap">
        ✖ {interrupted ? 'Stopped' : 'Failed'} at: {stepName}
      </Text>
      <Box marginLeft={2}>
        <Paragraph>{error.message}</Paragraph>
      </Box>
      {error.argv ? (
        <Box marginTop={1} flexDirection="column">
          <Text bold>Command{error.exitCode !== undefined ? ` (exit status ${error.exitCode})` : ''}</Text>
          <Text wrap="wrap">{`  $ ${shellLine(error.argv)}`}</Text>
        </Box>
      ) : null}
      {output.length > 0 ? (
        <Box marginTop={1} flexDirection="column">
          <Text bold>Last output</Text>
          {output.map((line, index) => (
            <Text key={index} wrap="truncate-end" dimColor={theme.dim}>
              {`  │ ${line}`}
            </Text>
          ))}
        </Box>
      ) : null}
      {error.hint ? (
        <Box marginTop={1}>
          <Paragraph>{[{ bold: 'Likely cause:' }, ` ${error.hint}`]}</Paragraph>
        </Box>
      ) : null}
      <Box marginTop={1} flexDirection="column">
        <Paragraph>{`Full output in the log: ${outcome.logFile}`}</Paragraph>
        <Paragraph>{['Nothing is lost: finished steps stay done. After fixing the cause, retry now or continue later with: ', { bold: state.resumeCommand }]}</Paragraph>
      </Box>
      <Box marginTop={1}>
        <ChoiceList choices={FAILURE_OPTIONS.map((label) => ({ label }))} selected={state.failureChoice} />
      </Box>
      {state.quitting ? null : <KeyHints hints={[['↑↓', 'choose'], ['Enter', 'confirm'], ['r', 'retry'], ['Ctrl-C', 'quit']]} />}
    </Box>
  );
}
