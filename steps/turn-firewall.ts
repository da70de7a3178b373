import type { Step } from '../src/engine/types.js';
import { turnFirewallTask } from './coturn/firewall.js';
import { turnText as t } from '../src/i18n/messages/steps-turn.js';

/** TURN's ports in the firewall that is already on (ufw or firewalld); never turns a firewall on. */
export const turnFirewallStep: Step = {
  id: 'turn-firewall',
  title: t.firewallTitle,
  needs: ['turn-server'],
  skip({ answers }) {
    if (!answers.turn.enabled) return t.turnOff;
    return answers.firewall === 'skip' ? t.firewallSkipped : undefined;
  },
  plan({ answers }) {
    return [turnFirewallTask(answers)];
  },
};
