import { ANY_EXIT_CODE, type Executor } from '../../exec/executor.js';
import type { ServiceAction } from '../types.js';
import type { ActionHandler } from './action-env.js';

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
      await exec.run(['systemctl', 'start', action.unit], { hint: `See \`journalctl -u ${action.unit} -n 50\`.` });
      env.changed(`started ${action.unit}`);
    } else if (pending && active) {
      await exec.run(['systemctl', action.onChange, action.unit], { hint: `See \`journalctl -u ${action.unit} -n 50\`.` });
      env.changed(`${action.onChange === 'restart' ? 'restarted' : 'reloaded'} ${action.unit} (its configuration changed)`);
    }
    if (pending) env.clearRestart(action.unit);
  },
};

export function serviceCommands(action: ServiceAction): string[][] {
  const commands: string[][] = [];
  if (action.enable) commands.push(['systemctl', 'enable', action.unit]);
  if (action.start) commands.push(['systemctl', 'start', action.unit]);
  commands.push(['systemctl', action.onChange, action.unit]);
  return commands;
}

async function serviceState(exec: Executor, unit: string) {
  const enabled = await exec.run(['systemctl', 'is-enabled', unit], { probe: true, okExitCodes: ANY_EXIT_CODE });
  const active = await exec.run(['systemctl', 'is-active', unit], { probe: true, okExitCodes: ANY_EXIT_CODE });
  return {
    enabled: ['enabled', 'enabled-runtime', 'static', 'alias'].includes(enabled.stdout.trim()),
    active: active.stdout.trim() === 'active',
  };
}
