import type { Step } from '../../src/engine/types.js';
import { HostRefusedError } from '../../src/errors.js';
import { detectAdoptionFacts } from '../../src/adopt/detect.js';
import { assessAdoption } from '../../src/adopt/assess.js';
import { executorProbe } from '../../src/host/probe.js';
import { synapseLayout } from '../synapse/sources.js';

/**
 * Looks at the machine again before anything is changed (adopt's answers may be older than
 * the machine): the server must still be one matrix-setup can adopt, with the answers'
 * server_name and install method. Refuses (exit 3) naming what it saw.
 */
export const adoptCheckStep: Step = {
  id: 'adopt-check',
  title: 'Check the server to adopt',
  needs: ['preflight'],
  plan({ answers, target }) {
    const layout = synapseLayout(answers, target);
    return [
      {
        kind: 'task',
        description: `Check that this machine runs the Synapse of ${answers.server_name} from ${layout.packageName ?? layout.venv}, started by systemd, and that matrix-setup can take it over`,
        shows: [
          { argv: ['systemctl', 'show', '-p', 'LoadState,FragmentPath,ExecStart,User', layout.unit], when: 'read-only' },
          { argv: ['nginx', '-T', '-q'], when: 'read-only: the server blocks in front of Synapse' },
          { argv: ['ss', '-Hltnp'], when: 'read-only: who serves ports 80, 443 and 8448' },
        ],
        async check(ctx) {
          const facts = await detectAdoptionFacts(executorProbe(ctx.exec));
          const { refusals, warnings } = assessAdoption(facts);
          for (const warning of warnings) ctx.warn(warning);
          const problems = [...refusals];
          if (facts.serverName && facts.serverName !== ctx.answers.server_name) {
            problems.push(`This Synapse is the server "${facts.serverName}", but the answers say server_name "${ctx.answers.server_name}".`);
          }
          if (facts.install.method && facts.install.method !== layout.source) {
            problems.push(`Synapse is installed as "${facts.install.method}", but the answers say synapse.install "${layout.source}".`);
          }
          if (problems.length > 0) {
            throw new HostRefusedError(`This server cannot be adopted:\n  - ${problems.join('\n  - ')}`, 'Nothing was changed. `matrix-setup adopt` (without --yes) shows what it found.');
          }
          ctx.note(`Synapse of ${facts.serverName} (${facts.install.packageName} ${facts.install.packageVersion ?? ''}, ${facts.install.unit}); database: ${facts.database?.engine ?? 'unknown'}.`);
          return true;
        },
        async run() {},
      },
    ];
  },
};
