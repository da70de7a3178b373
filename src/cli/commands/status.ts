import { readState } from '../../engine/state.js';
import { statePaths } from '../../engine/runner.js';
import { ExitCode } from '../../errors.js';
import type { CliArgs } from '../args.js';
import { DEFAULT_STATE_DIR } from '../paths.js';
import { STEPS } from '../../../steps/index.js';
import { restoreStepTitles } from '../../../steps/restore/index.js';

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
  const graph = state.command === 'restore' ? restoreStepTitles() : STEPS;
  const steps = graph.map((step) => ({ id: step.id, title: step.title, ...(state.steps[step.id] ?? { status: 'pending' }) }));
  if (args.json) {
    const command = state.command ?? 'install';
    process.stdout.write(`${JSON.stringify({ status: state.status, command, target: state.target, updatedAt: state.updatedAt, logFile: state.logFile, steps }, null, 2)}\n`);
    return ExitCode.ok;
  }
  const lines = [`Last run${state.command ? ` (${state.command})` : ''}: ${state.status} on ${state.target}, updated ${state.updatedAt}`, `Log: ${state.logFile}`, ''];
  const width = Math.max(...steps.map((s) => s.id.length));
  for (const step of steps) {
    const detail = step.status === 'skipped' && step.skipReason ? `: ${step.skipReason}` : step.status === 'failed' && step.error ? `: ${step.error.message}` : '';
    lines.push(`  ${step.id.padEnd(width)}  ${ICON[step.status] ?? step.status}${detail}`);
  }
  if (state.status !== 'done') lines.push('', 'Continue with: matrix-setup resume');
  process.stdout.write(`${lines.join('\n')}\n`);
  return ExitCode.ok;
}
