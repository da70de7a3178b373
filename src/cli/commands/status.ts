import { readState, type StepState } from '../../engine/state.js';
import { statePaths } from '../../engine/runner.js';
import { ExitCode } from '../../errors.js';
import type { Lang } from '../../i18n/language.js';
import type { Localized } from '../../i18n/localized.js';
import { day2Text as t } from '../../i18n/messages/day2.js';
import type { CliArgs } from '../args.js';
import { DEFAULT_STATE_DIR } from '../paths.js';
import { STEPS } from '../../../steps/index.js';
import { adoptSteps } from '../../../steps/adopt/index.js';
import { restoreStepTitles } from '../../../steps/restore/index.js';
import { readUpgradeRecord, unfinishedUpgradeRuns, type UpgradeRecord } from '../../../steps/upgrade/record.js';

const STEP_STATUS: Record<string, Localized> = {
  done: t.statusDone,
  skipped: t.statusSkipped,
  failed: t.statusFailed,
  interrupted: t.statusInterrupted,
  running: t.statusRunning,
  pending: t.statusPending,
};

const RUN_STATUS: Record<string, Localized> = { done: t.runDone, failed: t.runFailed, interrupted: t.runInterrupted, running: t.runRunning };

/** `matrix-setup status`: where the last run stands, step by step, from the state file. */
export async function statusCommand(args: CliArgs): Promise<number> {
  const { lang } = args;
  const stateDir = args.stateDir ?? DEFAULT_STATE_DIR;
  const state = readState(statePaths(stateDir).state);
  if (!state) {
    const message = t.noRun({ dir: stateDir })[lang];
    process.stdout.write(args.json ? `${JSON.stringify({ status: 'none', message })}\n` : `${message}\n`);
    return ExitCode.ok;
  }
  const graph = state.command === 'restore' ? restoreStepTitles() : state.command === 'adopt' ? adoptSteps(stateDir) : STEPS;
  const steps = graph.map((step) => ({ id: step.id, title: step.title, ...(state.steps[step.id] ?? { status: 'pending' as const }) }));
  const upgrade = lastUpgrade(stateDir);
  if (args.json) {
    const command = state.command ?? 'install';
    const json = { status: state.status, command, target: state.target, updatedAt: state.updatedAt, logFile: state.logFile, steps: steps.map((step) => stepJson(step, lang)) };
    process.stdout.write(`${JSON.stringify({ ...json, ...(upgrade ? { upgrade } : {}) }, null, 2)}\n`);
    return ExitCode.ok;
  }
  const run = { status: RUN_STATUS[state.status]?.[lang] ?? state.status, target: state.target, updated: state.updatedAt };
  const lines = [(state.command ? t.lastRunOf({ ...run, command: state.command }) : t.lastRun(run))[lang], t.log({ file: state.logFile })[lang], ''];
  const width = Math.max(...steps.map((s) => s.id.length));
  for (const step of steps) {
    const detail = step.status === 'skipped' && step.skipReason ? `: ${step.skipReason[lang]}` : step.status === 'failed' && step.error ? `: ${step.error.message[lang]}` : '';
    lines.push(`  ${step.id.padEnd(width)}  ${STEP_STATUS[step.status]?.[lang] ?? step.status}${detail}`);
  }
  if (state.status !== 'done') lines.push('', (state.command === 'adopt' ? t.continueAdoptingWith : t.continueWith)[lang]);
  if (upgrade) lines.push('', describeUpgrade(upgrade)[lang]);
  process.stdout.write(`${lines.join('\n')}\n`);
  return ExitCode.ok;
}

/** A step for `status --json`: the same keys in every language, its words in this one. */
function stepJson(step: StepState & { id: string; title: Localized }, lang: Lang) {
  return {
    ...step,
    title: step.title[lang],
    ...(step.skipReason ? { skipReason: step.skipReason[lang] } : {}),
    ...(step.error ? { error: { ...step.error, message: step.error.message[lang], ...(step.error.hint ? { hint: step.error.hint[lang] } : {}) } } : {}),
  };
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

function describeUpgrade({ record, unfinished }: UpgradeStatus): Localized {
  const changes = [
    ...(record.synapse ? [`Synapse ${record.synapse.from} → ${record.synapse.to}`] : []),
    ...(record.element ? [`Element Web ${record.element.fromVersion ?? 'none'} → ${record.element.toVersion}`] : []),
  ].join(', ');
  const state = unfinished
    ? (unfinished.command === 'upgrade' ? t.upgradeUnfinishedUndo : t.upgradeUnfinished)({ command: unfinished.command, status: RUN_STATUS[unfinished.status] ?? unfinished.status })
    : record.status === 'rolled-back'
      ? t.rolledBack
      : t.upgradeState({ status: RUN_STATUS[record.status] ?? record.status });
  return t.lastUpgrade({ created: record.createdAt, changes, state });
}
