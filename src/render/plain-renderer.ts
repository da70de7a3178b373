import type { EngineEvent, EventListener } from '../engine/events.js';
import { describePackageManagerWait } from '../packages/format.js';

export interface PlainRendererOptions {
  write(text: string): void;
  /** Print every output line of every command (the log file always has them). */
  verbose?: boolean;
}

/**
 * Line-by-line output for runs without a terminal (CI, pipes, `--plain`): no colours, no
 * redraws, nothing that waits for a key. One line per step start/end, per command and per change.
 */
export function createPlainRenderer(options: PlainRendererOptions): EventListener {
  const { write } = options;
  let total = 0;
  let position = 0;
  return (event: EngineEvent) => {
    switch (event.type) {
      case 'run-started':
        total = event.steps.length;
        write(`matrix-setup: ${describeRun(event)} on ${event.target} (${total} step${total === 1 ? '' : 's'})\n`);
        write(`log: ${event.logFile}\n`);
        break;
      case 'step-started':
        position += 1;
        write(`\n[${pad(position, total)}/${total}] ${event.title}${event.recheck ? ' (already done: checking)' : ''}\n`);
        break;
      case 'step-skipped':
        position += 1;
        write(`[${pad(position, total)}/${total}] skipped ${event.stepId}: ${event.reason}\n`);
        break;
      case 'command-started':
        write(`    $ ${event.argv.join(' ')}\n`);
        break;
      case 'output':
        if (options.verbose) write(`    | ${event.line}\n`);
        break;
      case 'command-ended':
        if (event.exitCode !== 0) write(`    exit status ${event.exitCode} after ${seconds(event.durationMs)}\n`);
        break;
      case 'change':
        write(`    + ${event.summary}\n`);
        break;
      case 'note':
        write(`    ${event.level === 'warn' ? 'warning: ' : ''}${event.message}\n`);
        break;
      case 'package-manager-busy':
        write(`    ${describePackageManagerWait(event.holders, event.waitedMs, event.limitMs)}\n`);
        break;
      case 'step-done':
        write(`    ${event.changed ? 'done' : 'no change'} (${seconds(event.durationMs)})\n`);
        break;
      case 'step-failed':
        write(`    FAILED: ${event.error.message}\n`);
        break;
      case 'step-interrupted':
        write(`    interrupted\n`);
        break;
      case 'run-finished':
        write(`\n${summary(event)}\n`);
        break;
    }
  };
}

function describeRun(event: Extract<EngineEvent, { type: 'run-started' }>): string {
  switch (event.command) {
    case 'restore':
      return event.resumed ? 'resuming the restore' : 'restoring';
    case 'adopt':
      return event.resumed ? 'resuming the adoption' : 'adopting';
    case 'backup':
      return 'backing up';
    case 'upgrade':
      return event.resumed ? 'resuming the upgrade' : 'upgrading';
    case 'rollback':
      return event.resumed ? 'resuming the rollback' : 'rolling back the last upgrade';
    default:
      return event.resumed ? 'resuming the install' : 'installing';
  }
}

function summary(event: Extract<EngineEvent, { type: 'run-finished' }>): string {
  const changed = event.changedSteps.length
    ? `changed: ${event.changedSteps.join(', ')}`
    : event.status === 'done'
      ? 'nothing changed: the machine already matched the answers'
      : 'nothing was changed';
  return `run ${event.status} in ${seconds(event.durationMs)}; ${changed}`;
}

function pad(n: number, total: number): string {
  return String(n).padStart(String(total).length, ' ');
}

export function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}
