import { Box, Text } from 'ink';
import { Bullet } from '../components/bullet.js';
import { ChoiceList } from '../components/choice-list.js';
import { Field } from '../components/field.js';
import { Paragraph } from '../components/paragraph.js';
import { Header } from '../components/header.js';
import { KeyHints } from '../components/key-hints.js';
import { Spinner } from '../components/spinner.js';
import { GROUP_TITLES, type Question } from '../questions/index.js';
import { helpOf, placeholderOf } from '../state/question-text.js';
import { choicesOf, currentQuestions, type WizardState } from '../state/wizard-state.js';
import { useTheme } from '../theme.js';

export function QuestionsScreen({ state }: { state: WizardState }) {
  const theme = useTheme();
  const list = currentQuestions(state);
  const question = list.find((q) => q.id === state.questionId);
  if (!question) return null;
  const groups = [...new Set(list.map((q) => q.group))];
  const position = `${groups.indexOf(question.group) + 1}/${groups.length}`;
  return (
    <Box flexDirection="column">
      <Header title={GROUP_TITLES[question.group]} position={`section ${position}`} />
      <Text bold wrap="wrap">
        {question.title}
      </Text>
      <Paragraph dim={theme.dim}>{helpOf(state, question)}</Paragraph>
      {question.warning ? (
        <Box marginTop={1}>
          <Bullet mark="!" color={theme.warning}>
            {question.warning}
          </Bullet>
        </Box>
      ) : null}
      <Box marginTop={1} flexDirection="column">
        {question.kind === 'text' ? <Field text={state.input.text} placeholder={placeholderOf(state, question)} error={state.input.error} /> : null}
        {question.kind === 'choice' ? (
          <>
            <ChoiceList choices={choicesOf(state, question)} selected={state.input.choice} />
            {state.input.error ? (
              <Box marginLeft={2}>
                <Bullet mark="✖" color={theme.error}>
                  {state.input.error}
                </Bullet>
              </Box>
            ) : null}
          </>
        ) : null}
        {question.kind === 'database-test' ? <DatabaseTest state={state} /> : null}
      </Box>
      {state.quitting ? null : <KeyHints hints={hintsFor(state, question)} />}
    </Box>
  );
}

function DatabaseTest({ state }: { state: WizardState }) {
  const theme = useTheme();
  const test = state.databaseTest;
  const db = state.draft.database;
  if (test.status === 'testing' || test.status === 'idle') {
    return <Spinner now={state.now} label={`Connecting to ${db?.host ?? ''}:${db?.port ?? 5432} as ${db?.user ?? 'synapse_user'}…`} />;
  }
  return (
    <Bullet mark={test.status === 'ok' ? '✔' : '✖'} color={test.status === 'ok' ? theme.success : theme.error}>
      {test.message ?? ''}
    </Bullet>
  );
}

function hintsFor(state: WizardState, question: Question): Array<[string, string]> {
  if (question.kind === 'database-test') {
    if (state.databaseTest.status === 'ok') return [['Enter', 'continue'], ['Esc', 'back'], ['Ctrl-C', 'quit']];
    if (state.databaseTest.status === 'failed') return [['Enter', 'test again'], ['Esc', 'change the answers'], ['Ctrl-C', 'quit']];
    return [['Esc', 'back'], ['Ctrl-C', 'quit']];
  }
  if (question.kind === 'choice') return [['↑↓', 'choose'], ['Enter', 'continue'], ['Esc', 'back'], ['Ctrl-C', 'quit']];
  if (state.input.pristine) return [['Enter', 'accept'], ['typing', 'replaces it'], ['Backspace', 'edit'], ['Esc', 'back'], ['Ctrl-C', 'quit']];
  return [['Enter', 'continue'], ['Esc', 'back'], ['Ctrl-U', 'clear'], ['Ctrl-C', 'quit']];
}
