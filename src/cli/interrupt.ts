/**
 * SIGINT and SIGTERM stop the run's running command (the engine records the step as
 * interrupted) instead of killing matrix-setup mid-write. Returns the signal and a cleanup.
 */
export function abortOnSignals(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals) => {
    process.stderr.write(`\n${signal} received: stopping the running command…\n`);
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
