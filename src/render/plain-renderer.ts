import type { EngineEvent, EventListener } from '../engine/events.js';
import { decimal, type Lang } from '../i18n/language.js';
import { fromLanguages, type Localized } from '../i18n/localized.js';
import { runText as t } from '../i18n/messages/run-output.js';
import { describePackageManagerWait } from '../packages/format.js';

export interface PlainRendererOptions {
  write(text: string): void;
  /** Print every output line of every command (the log file always has them). */
  verbose?: boolean;
  /** The language of the words around the commands (the log stays English). */
  lang: Lang;
}

/**
 * Line-by-line output for runs without a terminal (CI, pipes, `--plain`): no colours, no
 * redraws, nothing that waits for a key. One line per step start/end, per command and per change.
 */
export function createPlainRenderer(options: PlainRendererOptions): EventListener {
  const { write, lang } = options;
  const l = (text: Localized) => text[lang];
  let total = 0;
  let position = 0;
  return (event: EngineEvent) => {
    switch (event.type) {
      case 'run-started':
        total = event.steps.length;
        write(`${l(t.started({ what: describeRun(event), target: event.target, count: total }))}\n`);
        write(`${l(t.log({ file: event.logFile }))}\n`);
        break;
      case 'step-started':
        position += 1;
        write(`\n[${pad(position, total)}/${total}] ${event.recheck ? l(t.alreadyDone({ title: event.title })) : l(event.title)}\n`);
        break;
      case 'step-skipped':
        position += 1;
        write(`[${pad(position, total)}/${total}] ${l(t.skippedStep({ step: event.stepId, reason: event.reason }))}\n`);
        break;
      case 'command-started':
        write(`    $ ${event.argv.join(' ')}\n`);
        break;
      case 'output':
        if (options.verbose) write(`    | ${event.line}\n`);
        break;
      case 'command-ended':
        if (event.exitCode !== 0) write(`    ${l(t.exitStatus({ code: event.exitCode, time: seconds(event.durationMs) }))}\n`);
        break;
      case 'change':
        write(`    + ${l(event.summary)}\n`);
        break;
      case 'note':
        write(`    ${event.level === 'warn' ? l(t.warning({ message: event.message })) : l(event.message)}\n`);
        break;
      case 'package-manager-busy':
        write(`    ${l(describePackageManagerWait(event.holders, event.waitedMs, event.limitMs))}\n`);
        break;
      case 'step-done':
        write(`    ${l((event.changed ? t.stepDone : t.stepNoChange)({ time: seconds(event.durationMs) }))}\n`);
        break;
      case 'step-failed':
        write(`    ${l(t.stepFailedLine({ message: event.error.message }))}\n`);
        break;
      case 'step-interrupted':
        write(`    ${l(t.stepInterrupted)}\n`);
        break;
      case 'run-finished':
        write(`\n${l(summary(event))}\n`);
        break;
    }
  };
}

function describeRun(event: Extract<EngineEvent, { type: 'run-started' }>): Localized {
  switch (event.command) {
    case 'restore':
      return event.resumed ? t.resumingRestore : t.restoring;
    case 'adopt':
      return event.resumed ? t.resumingAdoption : t.adopting;
    case 'backup':
      return t.backingUp;
    case 'upgrade':
      return event.resumed ? t.resumingUpgrade : t.upgrading;
    case 'rollback':
      return event.resumed ? t.resumingRollback : t.rollingBack;
    default:
      return event.resumed ? t.resumingInstall : t.installing;
  }
}

function summary(event: Extract<EngineEvent, { type: 'run-finished' }>): Localized {
  const changed = event.changedSteps.length ? t.changedSteps({ steps: event.changedSteps.join(', ') }) : event.status === 'done' ? t.matchedAlready : t.nothingChanged;
  const run = event.status === 'done' ? t.runDone : event.status === 'failed' ? t.runFailed : t.runInterrupted;
  return run({ time: seconds(event.durationMs), changed });
}

function pad(n: number, total: number): string {
  return String(n).padStart(String(total).length, ' ');
}

/** 4.2 s, 42 s (4,2 с). */
export function seconds(ms: number): Localized {
  const value = ms < 10_000 ? (ms / 1000).toFixed(1) : String(Math.round(ms / 1000));
  return fromLanguages((lang) => t.seconds({ value: decimal(value, lang) })[lang]);
}
