import type { TaskAction } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';
import { ANY_EXIT_CODE } from '../../src/exec/executor.js';
import { asServiceUser, configPathArgs } from './service-user.js';
import type { SynapseLayout } from './sources.js';
import { synapseText as t } from '../../src/i18n/messages/steps-synapse.js';

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
    description: t.configCheckTask({ files: layout.configPaths.join(' + ') }),
    shows: [{ argv, when: t.readOnly }],
    async check(ctx) {
      const result = await ctx.exec.run(argv, { probe: true, okExitCodes: ANY_EXIT_CODE, timeoutMs: 120_000 });
      const output = `${result.stdout}\n${result.stderr}`;
      if (result.exitCode === 0) return true;
      if (/No module named synapse\.config\.__main__|cannot be directly executed/.test(output)) {
        ctx.warn(t.noConfigChecker);
        return true;
      }
      throw new StepError(t.configRejected, {
        hint: t.configRejectedHint({ files: layout.configPaths.join(', ') }),
        argv,
        exitCode: result.exitCode,
        outputTail: output.split('\n').filter((line) => line.trim()).slice(-20),
      });
    },
    async run() {},
  };
}
