import { Box, Text } from 'ink';
import { Bullet } from '../components/bullet.js';
import { CheckList } from '../components/check-list.js';
import { Header } from '../components/header.js';
import { Paragraph, type Span } from '../components/paragraph.js';
import { KeyHints } from '../components/key-hints.js';
import { Spinner } from '../components/spinner.js';
import { nextSteps } from '../state/summaries.js';
import type { WizardState } from '../state/wizard-state.js';
import { useTheme } from '../theme.js';

function Row({ label, children }: { label: string; children: Span | Span[] }) {
  return (
    <Box marginLeft={2}>
      <Box width={17} flexShrink={0}>
        <Text>{label}</Text>
      </Box>
      <Paragraph>{children}</Paragraph>
    </Box>
  );
}

export function DoneScreen({ state }: { state: WizardState }) {
  const theme = useTheme();
  const answers = state.running!;
  const outcome = state.outcome!;
  const verify = state.verify;
  const preflight = state.preflight.status === 'ready' ? state.preflight.value : [];
  const plan = state.review.plan?.status === 'ready' ? state.review.plan.value : undefined;
  return (
    <Box flexDirection="column">
      <Header title="Done" />
      <Bullet mark="✔" color={theme.success}>
        {{ bold: `Your Matrix homeserver ${answers.server_name} is installed.` }}
      </Bullet>
      <Box flexDirection="column" marginTop={1}>
        <Row label="Homeserver URL">https://{answers.synapse_host}</Row>
        {answers.element.enabled ? <Row label="Element Web">https://{answers.element.host}</Row> : null}
        {answers.admin.enabled ? <Row label="Admin user">{`@${answers.admin.username}:${answers.server_name}`}</Row> : null}
        {outcome.adminPassword ? (
          <>
            <Row label="Admin password">{{ bold: outcome.adminPassword }}</Row>
            <Box marginLeft={19}>
              <Paragraph color={theme.warning}>
                {`Shown only this once: write it down.${outcome.secretsFile ? ` It is kept in ${outcome.secretsFile} (root only).` : ''}`}
              </Paragraph>
            </Box>
          </>
        ) : null}
      </Box>
      <Box flexDirection="column" marginTop={1}>
        <Text bold>Verification</Text>
        {!verify || verify.status === 'loading' ? <Spinner now={state.now} label="Checking it as clients and other servers see it…" /> : null}
        {verify?.status === 'error' ? <Text color={theme.warning}>The checks could not run: {verify.message}</Text> : null}
        {verify?.status === 'ready' ? <CheckList results={verify.value} /> : null}
      </Box>
      <Box flexDirection="column" marginTop={1}>
        <Text bold>Next steps</Text>
        {nextSteps(answers, preflight, verify?.status === 'ready' ? verify.value : [], plan).map((line) => (
          <Box key={line} marginLeft={2}>
            <Bullet>{line}</Bullet>
          </Box>
        ))}
      </Box>
      {state.quitting ? null : <KeyHints hints={[['Enter', 'quit']]} />}
    </Box>
  );
}
