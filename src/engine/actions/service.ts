import { ANY_EXIT_CODE, type Executor } from '../../exec/executor.js';
import type { ServiceAction } from '../types.js';
import type { ActionEnv, ActionHandler } from './action-env.js';
import { CommandFailedError } from '../../errors.js';

export const serviceHandler: ActionHandler<ServiceAction> = {
  async isInPlace(action, env) {
    if (env.pendingRestarts().includes(action.unit)) return false;
    const { enabled, active } = await serviceState(env.ctx.exec, action.unit);
    return (!action.enable || enabled) && (!action.start || active);
  },

  async apply(action, env) {
    const { exec } = env.ctx;
    const { enabled, active } = await serviceState(exec, action.unit);
    if (action.enable && !enabled) {
      await exec.run(['systemctl', 'enable', action.unit]);
      env.changed(`enabled ${action.unit}`);
    }
    const pending = env.pendingRestarts().includes(action.unit);
    if (action.start && !active) {
      await diagnosed(action, env, ['systemctl', 'start', action.unit]);
      env.changed(`started ${action.unit}`);
    } else if (pending && active) {
      await diagnosed(action, env, ['systemctl', action.onChange, action.unit]);
      env.changed(`${action.onChange === 'restart' ? 'restarted' : 'reloaded'} ${action.unit} (its configuration changed)`);
    }
    if (pending) env.clearRestart(action.unit);
  },
};

/** Runs a start/restart; if it fails, the unit's own diagnosis replaces systemctl's terse error. */
async function diagnosed(action: ServiceAction, env: ActionEnv, argv: string[]): Promise<void> {
  try {
    await env.ctx.exec.run(argv, { hint: `See \`journalctl -u ${action.unit} -n 50\`.` });
  } catch (error) {
    if (!(error instanceof CommandFailedError) || !action.diagnose) throw error;
    throw await action.diagnose(env.ctx);
  }
}

export function serviceCommands(action: ServiceAction): string[][] {
  const commands: string[][] = [];
  if (action.enable) commands.push(['systemctl', 'enable', action.unit]);
  if (action.start) commands.push(['systemctl', 'start', action.unit]);
  commands.push(['systemctl', action.onChange, action.unit]);
  return commands;
}

/** Whether the unit is enabled and running, in one `systemctl show` (what is-enabled and is-active would say). */
async function serviceState(exec: Executor, unit: string) {
  const result = await exec.run(['systemctl', 'show', '--property=UnitFileState', '--property=ActiveState', unit], { probe: true, okExitCodes: ANY_EXIT_CODE });
  const property = (name: string) => new RegExp(`^${name}=(.*)$`, 'm').exec(result.stdout)?.[1].trim() ?? '';
  return {
    enabled: ['enabled', 'enabled-runtime', 'static', 'alias'].includes(property('UnitFileState')),
    active: property('ActiveState') === 'active',
  };
}
