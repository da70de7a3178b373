import { ANY_EXIT_CODE } from '../../exec/executor.js';
import { existsSync } from 'node:fs';
import type { CommandAction } from '../types.js';
import type { ActionHandler } from './action-env.js';

export const commandHandler: ActionHandler<CommandAction> = {
  async isInPlace(action, env) {
    if (action.creates && existsSync(action.creates)) return true;
    if (action.unless) {
      const probe = await env.ctx.exec.run(action.unless.map(env.resolveSecrets), {
        probe: true,
        okExitCodes: ANY_EXIT_CODE,
        timeoutMs: 60_000,
      });
      return probe.exitCode === 0;
    }
    return false;
  },

  async apply(action, env) {
    await env.ctx.exec.run(action.argv.map(env.resolveSecrets), {
      stdin: action.stdin === undefined ? undefined : env.resolveSecrets(action.stdin),
      env: action.env,
      timeoutMs: action.timeoutMs,
    });
    if (!action.idempotent) env.changed(action.description);
  },
};
