import { render } from 'ink';
import { ExitCode } from '../errors.js';
import { App } from './app.js';
import type { WizardEngine } from './engine-port.js';
import { createWizardStore } from './store.js';
import { themeFor } from './theme.js';

export interface RunWizardOptions {
  engine: WizardEngine;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  /** Stop at the review: show the plan, install nothing. */
  planOnly?: boolean;
  env?: NodeJS.ProcessEnv;
}

/** Widest layout used; wider terminals get the same lines with more margin. */
const MAX_WIDTH = 100;

/**
 * The interactive wizard on a terminal. Returns the exit status. Without a terminal on
 * both ends it returns at once (the caller uses the plain renderer with --answers).
 */
export async function runWizard(options: RunWizardOptions): Promise<number> {
  const { stdin, stdout } = options;
  if (!stdin.isTTY || !stdout.isTTY) {
    stdout.write('matrix-setup: the wizard needs a terminal. Run `matrix-setup --answers FILE --yes` instead.\n');
    return ExitCode.usage;
  }
  const store = createWizardStore({ engine: options.engine, planOnly: options.planOnly });
  const width = () => Math.max(40, Math.min(MAX_WIDTH, stdout.columns || 80));
  const theme = themeFor(options.env ?? process.env);
  const instance = render(<App store={store} width={width()} theme={theme} />, { stdin, stdout, exitOnCtrlC: false, patchConsole: false });
  const onResize = () => instance.rerender(<App store={store} width={width()} theme={theme} />);
  stdout.on('resize', onResize);
  // A SIGINT from outside (kill -INT) is handled like Ctrl-C: ask, or stop the run cleanly.
  const onSignal = () => store.dispatch({ type: 'quit-request' });
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const exit = await store.exited;
    // Let the last frame render before Ink lets go of the terminal.
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Ink creates its exit promise on the first waitUntilExit(): ask before unmounting, or it never settles.
    const unmounted = instance.waitUntilExit();
    instance.unmount();
    await unmounted;
    // Ink leaves the cursor at the end of its last frame.
    if (exit.message) stdout.write(`\n${exit.message}\n`);
    return exit.code;
  } finally {
    store.dispose();
    stdout.off('resize', onResize);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
