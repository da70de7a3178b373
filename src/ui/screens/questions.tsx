import { Box, Text } from 'ink';
import { Bullet } from '../components/bullet.js';
import { ChoiceList } from '../components/choice-list.js';
import { Field } from '../components/field.js';
import { Header } from '../components/header.js';
import { KeyHints } from '../components/key-hints.js';
import { Spinner } from '../components/spinner.js';
import { fieldAt } from '../../answers/schema-index.js';
import { GROUP_TITLES, type Question } from '../questions/index.js';
import { choicesOf, currentQuestions, questionContext, type WizardState } from '../state/wizard-state.js';
import { useTheme } from '../theme.js';

function helpOf(state: WizardState, question: Question): string {
  if (typeof question.help === 'function') return question.help(questionContext(state), state.input.text);
  if (question.help) return question.help;
  const path = 'path' in question && question.path ? question.path.replace(/_(file|env)$/, '') : undefined;
  const field = path ? fieldAt(path) : undefined;
  return field?.description ?? '';
}

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
      <Text bold>{question.title}</Text>
      <Text wrap="wrap" dimColor={theme.dim}>
        {helpOf(state, question)}
      </Text>
      <Box marginTop={1} flexDirection="column">
        {question.kind === 'text' ? <Field text={state.input.text} placeholder={question.placeholder} error={state.input.error} /> : null}
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
    <Text wrap="wrap" color={test.status === 'ok' ? theme.success : theme.error}>
      {test.status === 'ok' ? '✔' : '✖'} {test.message}
    </Text>
  );
}

function hintsFor(state: WizardState, question: Question): Array<[string, string]> {
  if (question.kind === 'database-test') {
    if (state.databaseTest.status === 'ok') return [['Enter', 'continue'], ['Esc', 'back'], ['Ctrl-C', 'quit']];
    if (state.databaseTest.status === 'failed') return [['Enter', 'test again'], ['Esc', 'change the answers'], ['Ctrl-C', 'quit']];
    return [['Esc', 'back'], ['Ctrl-C', 'quit']];
  }
  if (question.kind === 'choice') return [['↑↓', 'choose'], ['Enter', 'continue'], ['Esc', 'back'], ['Ctrl-C', 'quit']];
  return [['Enter', 'continue'], ['Esc', 'back'], ['Ctrl-U', 'clear'], ['Ctrl-C', 'quit']];
}
