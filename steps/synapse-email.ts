import type { Action, Step } from '../src/engine/types.js';
import { confDirActions, retireDropInTask, synapseDropInPath } from './coturn/synapse-drop-in.js';
import { synapseLayout } from './synapse/sources.js';
import { synapseEmailYaml } from './templates/synapse-email.js';
import { synapseText as t } from '../src/i18n/messages/steps-synapse.js';

/**
 * Outgoing email for Synapse (notifications, password resets) in its own drop-in, readable by
 * Synapse only: it holds the SMTP password. Turning email off later moves the drop-in aside.
 */
export const synapseEmailStep: Step = {
  id: 'synapse-email',
  title: t.emailTitle,
  needs: ['synapse-install'],
  plan({ answers, target }): Action[] {
    const layout = synapseLayout(answers, target);
    const path = synapseDropInPath(layout, 'email');
    if (!answers.email.enabled) return [retireDropInTask(path, layout.unit)];
    return [
      ...confDirActions(layout),
      { kind: 'file', path, content: synapseEmailYaml(answers), ...layout.secretFile, notify: [layout.unit] },
    ];
  },
  async verify(ctx) {
    if (ctx.answers.email.enabled) ctx.warn(t.emailContentWarning);
  },
};
