import type { Logger } from '../log/logger.js';
import { describePackageManagerWait } from '../packages/format.js';
import type { EngineEvent } from './events.js';

/** The run's story in the log file (commands and their output are logged by the executor). */
export function logEvent(logger: Logger, event: EngineEvent): void {
  switch (event.type) {
    case 'step-started':
      logger.write(`== step ${event.stepId}: ${event.title}${event.recheck ? ' (re-check)' : ''}`);
      break;
    case 'step-done':
      logger.write(`== step ${event.stepId} done${event.changed ? ' (changed)' : ' (no change)'} in ${event.durationMs} ms`);
      break;
    case 'step-skipped':
      logger.write(`== step ${event.stepId} skipped: ${event.reason}`);
      break;
    case 'step-failed':
      logger.write(`== step ${event.stepId} FAILED: ${event.error.message}${event.error.hint ? ` (hint: ${event.error.hint})` : ''}`);
      break;
    case 'step-interrupted':
      logger.write(`== step ${event.stepId} interrupted`);
      break;
    case 'change':
      logger.write(`change: ${event.summary}`);
      break;
    case 'note':
      logger.write(`${event.level}: ${event.message}`);
      break;
    case 'package-manager-busy':
      logger.write(`wait: ${describePackageManagerWait(event.holders, event.waitedMs, event.limitMs)}`);
      break;
    case 'run-started':
      logger.write(`run started for ${event.target}${event.resumed ? ' (resuming)' : ''}`);
      break;
    case 'run-finished':
      logger.write(`run finished: ${event.status} in ${event.durationMs} ms; changed: ${event.changedSteps.join(', ') || 'nothing'}`);
      break;
    default:
      break;
  }
}
