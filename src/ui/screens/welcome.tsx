import { Box, Text } from 'ink';
import { Bullet } from '../components/bullet.js';
import { CheckList } from '../components/check-list.js';
import { ChoiceList } from '../components/choice-list.js';
import { Header } from '../components/header.js';
import { KeyHints } from '../components/key-hints.js';
import { Spinner } from '../components/spinner.js';
import { Paragraph } from '../components/paragraph.js';
import { previousRunStatus, welcomeOptions, type WizardState } from '../state/wizard-state.js';
import { useTheme } from '../theme.js';

export function WelcomeScreen({ state }: { state: WizardState }) {
  const theme = useTheme();
  const { host, previous, preflight } = state;
  const options = welcomeOptions(state);
  const failed = preflight.status === 'ready' && preflight.value.some((result) => result.status === 'fail');
  return (
    <Box flexDirection="column">
      <Header title="Welcome" />
      <Text>This sets up a Matrix homeserver on this machine:</Text>
      <Box flexDirection="column" marginLeft={2}>
        {host.installs.map((line) => (
          <Bullet key={line}>{line}</Bullet>
        ))}
      </Box>
      <Box marginTop={1}>
        <Text wrap="wrap">
          Detected system: <Text bold>{host.targetName ?? 'not supported'}</Text>
        </Text>
      </Box>
      <Box flexDirection="column" marginTop={1}>
        <Text bold>Checks</Text>
        {preflight.status === 'loading' ? <Spinner now={state.now} label="Checking this machine…" /> : null}
        {preflight.status === 'error' ? <Text color={theme.error}>The checks could not run: {preflight.message}</Text> : null}
        {preflight.status === 'ready' ? <CheckList results={preflight.value} /> : null}
        {failed ? (
          <Box marginTop={1}>
            <Paragraph color={theme.warning}>Some checks failed. You can answer the questions now; the install starts only when they pass.</Paragraph>
          </Box>
        ) : null}
      </Box>
      {previous ? (
        <Box flexDirection="column" marginTop={1}>
          <Paragraph>{[`${previousRunStatus(previous)} for `, { bold: previous.answers.server_name }, '. Its answers are kept.']}</Paragraph>
          <ChoiceList choices={options} selected={state.welcomeChoice} />
        </Box>
      ) : null}
      {state.quitting ? null : (
        <KeyHints hints={previous ? [['↑↓', 'choose'], ['Enter', 'continue'], ['Ctrl-C', 'quit']] : [['Enter', 'start'], ['Ctrl-C', 'quit']]} />
      )}
    </Box>
  );
}
