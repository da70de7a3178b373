import type { TaskAction } from '../../src/engine/types.js';
import { synapseText as t } from '../../src/i18n/messages/steps-synapse.js';

/** Whether systemd's view of a unit is stale: it was never loaded, or its files changed since. */
export function needsDaemonReload(showOutput: string): boolean {
  const props = Object.fromEntries(
    showOutput
      .split('\n')
      .map((line) => line.trim().split('=', 2))
      .filter((pair) => pair.length === 2),
  );
  return props.LoadState !== 'loaded' || props.NeedDaemonReload === 'yes';
}

/** `systemctl daemon-reload`, only when the unit (or a drop-in of it) changed on disk. */
export function daemonReloadTask(unit: string): TaskAction {
  const show = ['systemctl', 'show', '--property=LoadState', '--property=NeedDaemonReload', unit];
  return {
    kind: 'task',
    description: t.daemonReload({ unit }),
    shows: [{ argv: show, when: t.readOnly }, { argv: ['systemctl', 'daemon-reload'], when: t.whenUnitChanged }],
    async check(ctx) {
      const result = await ctx.exec.run(show, { probe: true, okExitCodes: [0, 1] });
      return !needsDaemonReload(result.stdout);
    },
    async run(ctx) {
      await ctx.exec.run(['systemctl', 'daemon-reload']);
    },
  };
}
