import type { Step } from '../src/engine/types.js';
import { turnFirewallTask } from './coturn/firewall.js';

/** TURN's ports in the firewall that is already on (ufw or firewalld); never turns a firewall on. */
export const turnFirewallStep: Step = {
  id: 'turn-firewall',
  title: 'Open the TURN ports',
  needs: ['turn-server'],
  skip({ answers }) {
    if (!answers.turn.enabled) return 'turn.enabled is false';
    return answers.firewall === 'skip' ? 'firewall: skip (open 3478, 5349 and the relay range yourself)' : undefined;
  },
  plan({ answers }) {
    return [turnFirewallTask(answers)];
  },
};
