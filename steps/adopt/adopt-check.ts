import type { Step } from '../../src/engine/types.js';
import { HostRefusedError } from '../../src/errors.js';
import { detectAdoptionFacts } from '../../src/adopt/detect.js';
import { assessAdoption } from '../../src/adopt/assess.js';
import { executorProbe } from '../../src/host/probe.js';
import { synapseLayout } from '../synapse/sources.js';
import { adoptStepText as t } from '../../src/i18n/messages/steps-adopt.js';
import { joinLocalized } from '../../src/i18n/localized.js';

/**
 * Looks at the machine again before anything is changed (adopt's answers may be older than
 * the machine): the server must still be one matrix-setup can adopt, with the answers'
 * server_name and install method. Refuses (exit 3) naming what it saw.
 */
export const adoptCheckStep: Step = {
  id: 'adopt-check',
  title: t.checkTitle,
  needs: ['preflight'],
  plan({ answers, target }) {
    const layout = synapseLayout(answers, target);
    return [
      {
        kind: 'task',
        description: t.checkTask({ server: answers.server_name, source: layout.packageName ?? layout.venv ?? '' }),
        shows: [
          { argv: ['systemctl', 'show', '-p', 'LoadState,FragmentPath,ExecStart,User', layout.unit], when: t.readOnly },
          { argv: ['nginx', '-T', '-q'], when: t.whenServerBlocks },
          { argv: ['ss', '-Hltnp'], when: t.whenPorts },
        ],
        async check(ctx) {
          const facts = await detectAdoptionFacts(executorProbe(ctx.exec));
          const { refusals, warnings } = assessAdoption(facts);
          for (const warning of warnings) ctx.warn(warning);
          const problems = [...refusals];
          if (facts.serverName && facts.serverName !== ctx.answers.server_name) {
            problems.push(t.otherServerName({ found: facts.serverName, answered: ctx.answers.server_name }));
          }
          if (facts.install.method && facts.install.method !== layout.source) {
            problems.push(t.otherMethod({ found: facts.install.method, answered: layout.source }));
          }
          if (problems.length > 0) {
            throw new HostRefusedError(t.cannotAdopt({ problems: joinLocalized(problems, '\n  - ') }), t.cannotAdoptHint);
          }
          ctx.note(t.found({ server: facts.serverName ?? '', package: `${facts.install.packageName} ${facts.install.packageVersion ?? ''}`.trim(), unit: facts.install.unit ?? '', engine: facts.database?.engine ?? t.unknown }));
          return true;
        },
        async run() {},
      },
    ];
  },
};
