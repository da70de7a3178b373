import type { TaskAction } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';
import { ANY_EXIT_CODE } from '../../src/exec/executor.js';
import { asServiceUser, configPathArgs } from './service-user.js';
import type { SynapseLayout } from './sources.js';

/**
 * `python -m synapse.config`: Synapse loads and validates the whole config (all files, the
 * signing key) as it would at start, and prints "Config parses OK!". Run as the service user,
 * so an unreadable file shows up here too. Before a restart this keeps a running Synapse
 * from being replaced by one that cannot start.
 */
export function configCheckTask(layout: SynapseLayout): TaskAction {
  const argv = [...asServiceUser(layout), '-m', 'synapse.config', ...configPathArgs(layout)];
  return {
    kind: 'task',
    description: `Check the configuration with Synapse's own parser (${layout.configPaths.join(' + ')})`,
    shows: [{ argv, when: 'read-only' }],
    async check(ctx) {
      const result = await ctx.exec.run(argv, { probe: true, okExitCodes: ANY_EXIT_CODE, timeoutMs: 120_000 });
      const output = `${result.stdout}\n${result.stderr}`;
      if (result.exitCode === 0) return true;
      if (/No module named synapse\.config\.__main__|cannot be directly executed/.test(output)) {
        ctx.warn('This Synapse release has no config checker (python -m synapse.config); its start will show any config error.');
        return true;
      }
      throw new StepError('Synapse rejects its configuration; it was not restarted.', {
        hint: `The lines above name the setting. Files: ${layout.configPaths.join(', ')}. Fix the answers (or your own file) and resume.`,
        argv,
        exitCode: result.exitCode,
        outputTail: output.split('\n').filter((line) => line.trim()).slice(-20),
      });
    },
    async run() {},
  };
}
