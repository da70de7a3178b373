import { Box, Text } from 'ink';
import { duration } from '../components/format.js';
import { Bullet } from '../components/bullet.js';
import { Header } from '../components/header.js';
import { Paragraph } from '../components/paragraph.js';
import { KeyHints } from '../components/key-hints.js';
import { OutputTail } from '../components/output-tail.js';
import { Spinner } from '../components/spinner.js';
import { StepList } from '../components/step-list.js';
import { countSteps } from '../state/progress-state.js';
import type { WizardState } from '../state/wizard-state.js';
import { useTheme } from '../theme.js';
import { describePackageManagerWait } from '../../packages/format.js';

export function ProgressScreen({ state }: { state: WizardState }) {
  const theme = useTheme();
  const progress = state.progress;
  const { finished, total } = countSteps(progress);
  const elapsed = progress.startedAt !== undefined ? ` · ${duration(state.now - progress.startedAt)}` : '';
  const warnings = progress.notes.filter((note) => note.level === 'warn').slice(-3);
  return (
    <Box flexDirection="column">
      <Header title={progress.resumed ? 'Resuming the install' : 'Installing'} position={progress.started ? `${finished}/${total}${elapsed}` : undefined} />
      {progress.started ? <StepList steps={progress.steps} now={state.now} /> : <Spinner now={state.now} label="Starting…" />}
      {progress.waiting ? (
        <Box marginTop={1}>
          <Spinner now={state.now} label={describePackageManagerWait(progress.waiting.holders, state.now - progress.waiting.since, progress.waiting.limitMs)} />
        </Box>
      ) : null}
      <OutputTail command={progress.command} lines={progress.tail} />
      {warnings.map((note, index) => (
        <Bullet key={index} mark="!" color={theme.warning}>
          {note.message}
        </Bullet>
      ))}
      {progress.logFile ? (
        <Box marginTop={1}>
          <Paragraph dim={theme.dim}>{`Log: ${progress.logFile}`}</Paragraph>
        </Box>
      ) : null}
      {state.stopping ? <Spinner now={state.now} label="Stopping: ending the running command…" /> : null}
      {state.quitting || state.stopping ? null : <KeyHints hints={[['Ctrl-C', 'stop']]} />}
    </Box>
  );
}
