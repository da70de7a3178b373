import type { PlanInput, Step, RunContext } from '../src/engine/types.js';
import { HostRefusedError } from '../src/errors.js';
import { gatherHostFacts, type HostFacts } from '../src/host/facts.js';
import { executorProbe } from '../src/host/probe.js';
import { preflightFailed, preflightNames, runPreflightChecks } from '../src/preflight/checks.js';
import { describeFailures, formatPreflightLine } from '../src/preflight/format.js';
import { SYNAPSE_LOCAL_PORT } from '../src/preflight/local-port-check.js';

export type FactGatherer = (ctx: RunContext) => Promise<HostFacts>;

const gatherForRun: FactGatherer = (ctx) =>
  gatherHostFacts({ probe: executorProbe(ctx.exec), names: preflightNames(ctx.answers) });

/**
 * Checks the machine before anything is changed: root, distribution, systemd, memory,
 * disk, ports, DNS and clock. It never changes anything: its one task either passes
 * (warnings are shown) or stops the run with a HostRefusedError (exit 3).
 */
export function createPreflightStep(gather: FactGatherer = gatherForRun): Step {
  const checkMachine = async (ctx: RunContext): Promise<boolean> => {
    const results = runPreflightChecks(await gather(ctx), ctx.answers, ctx.target);
    for (const result of results) {
      if (result.status === 'pass') ctx.note(formatPreflightLine(result));
      else ctx.warn(formatPreflightLine(result));
    }
    const failures = preflightFailed(results);
    if (failures.length > 0) {
      const { message, hint } = describeFailures(failures);
      throw new HostRefusedError(message, hint);
    }
    return true;
  };
  return {
    id: 'preflight',
    title: 'Preflight checks',
    needs: [],
    plan({ answers }) {
      const names = preflightNames(answers).join(', ');
      return [
        {
          kind: 'task',
          description: `Check this machine: root, distribution, systemd, memory, disk space, ports ${answers.federation ? '80, 443, 8448' : '80, 443'}, ${localPorts(answers)}, DNS of ${names}, clock`,
          shows: [
            { argv: ['ss', '-Hltnp'], when: 'to see which programs listen on the ports' },
            { argv: ['timedatectl', 'show', '-p', 'NTPSynchronized', '--value'], when: 'to see whether the clock is synchronised' },
          ],
          check: checkMachine,
          // check() passes or throws, so this only runs if a runner calls it directly.
          run: async (ctx) => {
            await checkMachine(ctx);
          },
        },
      ];
    },
  };
}

/** Synapse's port, and a local database's: credentials are sent there. */
function localPorts(answers: PlanInput['answers']): string {
  const ports = [SYNAPSE_LOCAL_PORT, ...(answers.database.mode === 'local' ? [answers.database.port] : [])];
  return ports.map((port) => `127.0.0.1:${port}`).join(', ');
}

export const preflightStep: Step = createPreflightStep();
