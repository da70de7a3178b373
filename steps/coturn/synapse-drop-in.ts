import type { Action, RunContext, TaskAction } from '../../src/engine/types.js';
import { ANY_EXIT_CODE } from '../../src/exec/executor.js';
import type { SynapseLayout } from '../synapse/sources.js';
import { turnText as t } from '../../src/i18n/messages/steps-turn.js';

/** The directory Synapse reads drop-ins from: the package's conf.d, or the same place for a venv. */
export function synapseConfDir(layout: SynapseLayout): string {
  return layout.confDir ?? `${layout.configDir}/conf.d`;
}

export function synapseDropInPath(layout: SynapseLayout, feature: string): string {
  return `${synapseConfDir(layout)}/matrix-setup-${feature}.yaml`;
}

/** A venv install has no conf.d of its own: create it (readable by Synapse only). */
export function confDirActions(layout: SynapseLayout): Action[] {
  if (layout.confDir) return [];
  return [{ kind: 'directory', path: synapseConfDir(layout), mode: 0o750, owner: 'root', group: layout.group }];
}

/**
 * A feature turned off after an earlier run turned it on: its drop-in is moved aside (kept as a
 * .bak, never deleted) and Synapse restarted if it runs, so the setting really goes away.
 */
export function retireDropInTask(path: string, unit: string): TaskAction {
  const retired = `${path}.matrix-setup-disabled.bak`;
  return {
    kind: 'task',
    description: t.retireTask({ path }),
    shows: [
      { argv: ['mv', '-f', path, retired], when: t.whenExists({ path }) },
      { argv: ['systemctl', 'try-restart', unit], when: t.whenMoved },
    ],
    async check(ctx) {
      const result = await ctx.exec.run(['test', '-e', path], { probe: true, okExitCodes: ANY_EXIT_CODE });
      return result.exitCode !== 0;
    },
    async run(ctx) {
      await ctx.exec.run(['mv', '-f', path, retired]);
      await ctx.exec.run(['systemctl', 'try-restart', unit], { hint: t.journalHint({ unit }) });
      ctx.note(t.retired({ path, retired, unit }));
    },
  };
}
