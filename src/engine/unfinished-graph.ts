import { HostRefusedError } from '../errors.js';
import type { RunCommand } from './run-command.js';
import type { RunState } from './state.js';
import { commandFor } from './state-location.js';
import type { Localized } from '../i18n/localized.js';
import { adoptStepText as t } from '../i18n/messages/steps-adopt.js';

/** Day-2 graphs recorded in the install's state file: stopped half-way, only their own graph may continue. */
const OWN_GRAPH: readonly RunCommand[] = ['adopt', 'restore'];

/**
 * An adopt or a restore that did not finish must be continued by itself: another graph run over
 * it would skip what it does in between (an adopt's SQLite port: Synapse would start on an empty
 * PostgreSQL database). Throws (exit 3) when `command` may not run over `previous`, the record
 * in the install's state file. Callers check before they write anything (the saved answers
 * included); the runner checks again before its first step.
 */
export function refuseOverUnfinishedRun(previous: RunState | undefined, command: RunCommand, stateDir: string): void {
  const last = previous?.command ?? 'install';
  if (!previous || previous.status === 'done' || last === command || !OWN_GRAPH.includes(last)) return;
  const stopped = Object.entries(previous.steps).find(([, step]) => ['running', 'interrupted', 'failed'].includes(step.status))?.[0];
  throw new HostRefusedError(
    t.unfinishedOther({
      last,
      stopped: stopped ? t.stoppedIn({ step: stopped }) : '',
      command: COMMAND_NAMED[command],
    }),
    t.unfinishedOtherHint({ resume: commandFor(stateDir, 'resume'), status: commandFor(stateDir, 'status') }),
  );
}

const COMMAND_NAMED: Record<RunCommand, Localized> = {
  install: t.anInstall,
  adopt: t.anAdopt,
  restore: t.aRestore,
  backup: t.aBackup,
  upgrade: t.anUpgrade,
  rollback: t.aRollback,
};
