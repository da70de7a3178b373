import type { Lang } from '../i18n/language.js';
import { cliText as t } from '../i18n/messages/cli.js';

/**
 * SIGINT and SIGTERM stop the run's running command (the engine records the step as
 * interrupted) instead of killing matrix-setup mid-write. Returns the signal and a cleanup.
 */
export function abortOnSignals(lang: Lang): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals) => {
    process.stderr.write(`\n${t.stopping({ signal })[lang]}\n`);
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}
