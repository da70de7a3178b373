import { Box, Text } from 'ink';
import { Bullet } from '../components/bullet.js';
import { CheckList } from '../components/check-list.js';
import { Field } from '../components/field.js';
import { Paragraph } from '../components/paragraph.js';
import { Header } from '../components/header.js';
import { KeyHints } from '../components/key-hints.js';
import { Spinner } from '../components/spinner.js';
import { decisionRows, planRows, type Row } from '../state/summaries.js';
import { installBlocker, type WizardState } from '../state/wizard-state.js';
import { useTheme } from '../theme.js';

function Rows({ rows }: { rows: Row[] }) {
  return (
    <Box flexDirection="column" marginLeft={2}>
      {rows.map(([label, value]) => (
        <Box key={label}>
          <Box width={15} flexShrink={0}>
            <Text>{label}</Text>
          </Box>
          <Paragraph>{value}</Paragraph>
        </Box>
      ))}
    </Box>
  );
}

export function ReviewScreen({ state }: { state: WizardState }) {
  const theme = useTheme();
  const { review, preflight } = state;
  const blocker = installBlocker(state);
  const problems = preflight.status === 'ready' ? preflight.value.filter((r) => r.status !== 'pass') : [];
  const passed = preflight.status === 'ready' ? preflight.value.length - problems.length : 0;
  return (
    <Box flexDirection="column">
      <Header title={review.resume ? 'Resume the previous run' : 'Review'} position={state.planOnly ? 'plan only' : undefined} />
      {review.issues.length > 0 ? (
        <Box flexDirection="column">
          <Text color={theme.error}>These answers cannot be used yet:</Text>
          {review.issues.map((issue) => (
            <Box key={issue} marginLeft={2}>
              <Bullet mark="✖">{issue}</Bullet>
            </Box>
          ))}
        </Box>
      ) : null}
      {review.answers ? (
        <>
          <Text bold>Your decisions</Text>
          <Rows rows={decisionRows(review.answers, state.host)} />
          <Box marginTop={1} flexDirection="column">
            <Text bold>The plan</Text>
            {review.plan?.status === 'loading' ? <Spinner now={state.now} label="Building the plan…" /> : null}
            {review.plan?.status === 'error' ? <Text color={theme.error}>The plan could not be built: {review.plan.message}</Text> : null}
            {review.plan?.status === 'ready' ? <Rows rows={planRows(review.plan.value, review.savedTo)} /> : null}
          </Box>
          <Box marginTop={1} flexDirection="column">
            <Text bold>This machine</Text>
            {preflight.status === 'loading' ? <Spinner now={state.now} label="Checking this machine…" /> : null}
            {preflight.status === 'error' ? <Text color={theme.error}>The checks could not run: {preflight.message}</Text> : null}
            {preflight.status === 'ready' ? (
              <>
                {passed > 0 ? <Text>{`  ✔ ${passed} check${passed === 1 ? '' : 's'} passed`}</Text> : null}
                <CheckList results={problems} />
              </>
            ) : null}
          </Box>
        </>
      ) : null}
      {review.saveText !== undefined ? (
        <Box marginTop={1} flexDirection="column">
          <Text>Save the answers file to (secrets only by reference):</Text>
          <Field text={review.saveText} error={review.saveError} />
        </Box>
      ) : null}
      {review.savedTo && review.saveText === undefined ? (
        <Box marginTop={1}>
          <Text color={theme.success} wrap="wrap">
            ✔ Saved to {review.savedTo}. Replay with: matrix-setup --answers {review.savedTo}
          </Text>
        </Box>
      ) : null}
      {state.planOnly && review.saveText === undefined ? (
        <Box marginTop={1}>
          <Text wrap="wrap">Plan only: nothing will be installed.</Text>
        </Box>
      ) : null}
      {blocker && review.saveText === undefined ? (
        <Box marginTop={1}>
          <Text color={theme.warning} wrap="wrap">
            {blocker}
          </Text>
        </Box>
      ) : null}
      {state.quitting ? null : <KeyHints hints={hints(state, Boolean(blocker))} />}
    </Box>
  );
}

function hints(state: WizardState, blocked: boolean): Array<[string, string]> {
  if (state.review.saveText !== undefined) return [['Enter', 'save'], ['Esc', 'cancel']];
  const list: Array<[string, string]> = [];
  if (state.planOnly) list.push(['Enter', 'quit']);
  else if (!blocked) list.push(['Enter', state.review.resume ? 'resume the install' : 'install']);
  if (state.review.answers) list.push(['s', 'save answers file']);
  list.push(['Esc', 'back'], ['r', 'check again'], ['Ctrl-C', 'quit']);
  return list;
}
