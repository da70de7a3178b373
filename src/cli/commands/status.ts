import { readState } from '../../engine/state.js';
import { statePaths } from '../../engine/runner.js';
import { ExitCode } from '../../errors.js';
import type { CliArgs } from '../args.js';
import { DEFAULT_STATE_DIR } from '../paths.js';
import { STEPS } from '../../../steps/index.js';
import { adoptSteps } from '../../../steps/adopt/index.js';
import { restoreStepTitles } from '../../../steps/restore/index.js';
import { readUpgradeRecord, unfinishedUpgradeRuns, type UpgradeRecord } from '../../../steps/upgrade/record.js';

const ICON: Record<string, string> = {
  done: 'done',
  skipped: 'skipped',
  failed: 'FAILED',
  interrupted: 'interrupted',
  running: 'was running (the run stopped)',
  pending: 'pending',
};

/** `matrix-setup status`: where the last run stands, step by step, from the state file. */
export async function statusCommand(args: CliArgs): Promise<number> {
  const stateDir = args.stateDir ?? DEFAULT_STATE_DIR;
  const state = readState(statePaths(stateDir).state);
  if (!state) {
    const message = `No install has run here yet (no state in ${stateDir}).`;
    process.stdout.write(args.json ? `${JSON.stringify({ status: 'none', message })}\n` : `${message}\n`);
    return ExitCode.ok;
  }
  const graph = state.command === 'restore' ? restoreStepTitles() : state.command === 'adopt' ? adoptSteps(stateDir) : STEPS;
  const steps = graph.map((step) => ({ id: step.id, title: step.title, ...(state.steps[step.id] ?? { status: 'pending' }) }));
  const upgrade = lastUpgrade(stateDir);
  if (args.json) {
    const command = state.command ?? 'install';
    process.stdout.write(`${JSON.stringify({ status: state.status, command, target: state.target, updatedAt: state.updatedAt, logFile: state.logFile, steps, ...(upgrade ? { upgrade } : {}) }, null, 2)}\n`);
    return ExitCode.ok;
  }
  const lines = [`Last run${state.command ? ` (${state.command})` : ''}: ${state.status} on ${state.target}, updated ${state.updatedAt}`, `Log: ${state.logFile}`, ''];
  const width = Math.max(...steps.map((s) => s.id.length));
  for (const step of steps) {
    const detail = step.status === 'skipped' && step.skipReason ? `: ${step.skipReason}` : step.status === 'failed' && step.error ? `: ${step.error.message}` : '';
    lines.push(`  ${step.id.padEnd(width)}  ${ICON[step.status] ?? step.status}${detail}`);
  }
  if (state.status !== 'done') lines.push('', `Continue ${state.command === 'adopt' ? 'adopting ' : ''}with: matrix-setup resume`);
  if (upgrade) lines.push('', describeUpgrade(upgrade));
  process.stdout.write(`${lines.join('\n')}\n`);
  return ExitCode.ok;
}

interface UpgradeStatus {
  record: UpgradeRecord;
  /** The upgrade's or its rollback's run, when one did not finish. */
  unfinished?: { command: string; status: string };
}

function lastUpgrade(stateDir: string): UpgradeStatus | undefined {
  const record = readUpgradeRecord(stateDir);
  if (!record) return undefined;
  const run = unfinishedUpgradeRuns(stateDir)[0];
  return run ? { record, unfinished: { command: run.command ?? 'upgrade', status: run.status } } : { record };
}

function describeUpgrade({ record, unfinished }: UpgradeStatus): string {
  const changes = [
    ...(record.synapse ? [`Synapse ${record.synapse.from} → ${record.synapse.to}`] : []),
    ...(record.element ? [`Element Web ${record.element.fromVersion ?? 'none'} → ${record.element.toVersion}`] : []),
  ].join(', ');
  const state = unfinished
    ? `its ${unfinished.command} ${unfinished.status}: continue with \`matrix-setup resume\`${unfinished.command === 'upgrade' ? ' or undo it with `matrix-setup upgrade --rollback`' : ''}`
    : record.status === 'rolled-back'
      ? 'rolled back'
      : `${record.status}; undo with \`matrix-setup upgrade --rollback\``;
  return `Last upgrade (${record.createdAt}): ${changes}: ${state}`;
}
