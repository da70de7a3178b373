import type { Action, Step } from '../src/engine/types.js';
import { edgeLayout } from './edge/edge-layout.js';
import { cloudFirewallNote, detectFirewall, openPortsTask } from './edge/firewall.js';
import { systemText as t } from '../src/i18n/messages/steps-system.js';

/**
 * Ports 80 (ACME challenges, redirects), 443 and, when federation uses it, 8448: opened in
 * ufw or firewalld when one of them is on, before the certificate is requested (HTTP-01
 * needs port 80). A firewall that is off is left off.
 */
export const firewallStep: Step = {
  id: 'firewall',
  title: t.firewallTitle,
  needs: ['preflight'],
  skip: ({ answers }) => (answers.firewall === 'skip' ? t.firewallSkipped : undefined),
  plan({ answers }): Action[] {
    return [openPortsTask(edgeLayout(answers).ports)];
  },
  async verify(ctx) {
    ctx.note(cloudFirewallNote(edgeLayout(ctx.answers).ports, await detectFirewall(ctx)));
  },
};
