import { render } from 'ink';
import { ExitCode } from '../errors.js';
import { App } from './app.js';
import type { WizardEngine } from './engine-port.js';
import { createWizardStore } from './store.js';
import { openFullScreen } from './terminal/full-screen.js';
import { themeFor } from './theme.js';

export interface RunWizardOptions {
  engine: WizardEngine;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  /** Stop at the review: show the plan, install nothing. */
  planOnly?: boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * The interactive wizard on a terminal, on its alternate screen (see terminal/full-screen.ts).
 * Returns the exit status. Without a terminal on both ends it returns at once (the caller uses
 * the plain renderer with --answers).
 */
export async function runWizard(options: RunWizardOptions): Promise<number> {
  const { stdin, stdout } = options;
  if (!stdin.isTTY || !stdout.isTTY) {
    stdout.write('matrix-setup: the wizard needs a terminal. Run `matrix-setup --answers FILE --yes` instead.\n');
    return ExitCode.usage;
  }
  const store = createWizardStore({ engine: options.engine, planOnly: options.planOnly, deferStart: true });
  const theme = themeFor(options.env ?? process.env);
  const screen = openFullScreen(stdout);
  const app = () => <App store={store} size={screen.size()} theme={theme} />;
  // A SIGINT from outside (kill -INT) is handled like Ctrl-C: ask, or stop the run cleanly.
  const onSignal = () => store.dispatch({ type: 'quit-request' });
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let message: string | undefined;
  try {
    // Ink writes the first frame before render() returns; the checks start after it.
    const instance = render(app(), { stdin, stdout: screen.output, exitOnCtrlC: false, patchConsole: false });
    const offResize = screen.onResize(() => instance.rerender(app()));
    store.start();
    const exit = await store.exited;
    message = exit.message;
    // Let the last frame render before Ink lets go of the terminal.
    await new Promise((resolve) => setTimeout(resolve, 50));
    offResize();
    // Ink creates its exit promise on the first waitUntilExit(): ask before unmounting, or it never settles.
    const unmounted = instance.waitUntilExit();
    instance.unmount();
    await unmounted;
    return exit.code;
  } finally {
    store.dispose();
    screen.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (message) stdout.write(`${message}\n`);
  }
}
