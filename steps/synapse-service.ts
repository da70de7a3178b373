import type { Action, Step } from '../src/engine/types.js';
import { configCheckTask } from './synapse/config-check.js';
import { HEALTH_URL, isHealthy, notReady, waitForSynapse } from './synapse/health.js';
import { synapseLayout } from './synapse/sources.js';
import { synapseText as t } from '../src/i18n/messages/steps-synapse.js';

/**
 * Synapse running: its config checked by Synapse itself first, the unit enabled and started,
 * restarted only when a file it reads changed, and then waited for (at most two minutes)
 * until it answers on 127.0.0.1:8008. A Synapse that does not come up fails the step with
 * the end of its log and the likely cause.
 */
export const synapseServiceStep: Step = {
  id: 'synapse-service',
  title: t.serviceTitle,
  needs: ['synapse-config'],
  plan({ answers, target }): Action[] {
    const layout = synapseLayout(answers, target);
    return [
      configCheckTask(layout),
      {
        kind: 'command',
        description: t.resetFailed({ unit: layout.unit }),
        argv: ['systemctl', 'reset-failed', layout.unit],
        unless: ['systemctl', 'is-active', '--quiet', layout.unit],
        idempotent: true,
      },
      {
        kind: 'service',
        unit: layout.unit,
        enable: true,
        start: true,
        onChange: 'restart',
        diagnose: (ctx) => notReady(ctx, layout, t.failedToStart({ unit: layout.unit })),
      },
      {
        kind: 'task',
        description: t.waitTask({ url: HEALTH_URL }),
        shows: [{ argv: ['GET', HEALTH_URL], when: t.whenPolled }],
        check: () => isHealthy(),
        run: (ctx) => waitForSynapse(ctx, layout),
      },
    ];
  },
};
