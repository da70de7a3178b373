import type { Answers } from '../answers/types.js';
import type { HostFacts } from '../host/facts.js';
import type { Listener, PortHolder } from '../host/ports.js';
import type { PreflightResult } from './checks.js';

/** Synapse's own unit: on a re-run it holds its port, which is then not "taken". */
const SYNAPSE_UNIT = 'matrix-synapse.service';
export const SYNAPSE_LOCAL_PORT = 8008;

/** Addresses a listener holds connections to 127.0.0.1 on. */
const CATCHES_LOOPBACK = new Set(['127.0.0.1', '0.0.0.0', '*', '::', '::ffff:127.0.0.1']);

interface LocalPort {
  port: number;
  label: string;
  /** What sends credentials there, for the message. */
  sends: string;
  /** Whether a holder is the program that belongs there. */
  expected(holder: PortHolder): boolean;
  expectedName: string;
}

/**
 * Ports on 127.0.0.1 that matrix-setup and Synapse send credentials to: Synapse's listener
 * (the admin password, the registration secret's MAC) and, for a local database, PostgreSQL's
 * (the database password). Another program listening there first would receive them. Synapse
 * itself (a re-run) and PostgreSQL are expected there.
 */
export function localPortChecks(facts: HostFacts, answers: Answers): PreflightResult[] {
  const ports: LocalPort[] = [
    {
      port: SYNAPSE_LOCAL_PORT,
      label: `Synapse's port 127.0.0.1:${SYNAPSE_LOCAL_PORT}`,
      sends: 'the admin password and the registration secret go there',
      expected: (holder) => holder.unit === SYNAPSE_UNIT,
      expectedName: 'Synapse',
    },
  ];
  if (answers.database.mode === 'local') {
    ports.push({
      port: answers.database.port,
      label: `PostgreSQL's port 127.0.0.1:${answers.database.port}`,
      sends: "Synapse's database password goes there",
      expected: (holder) => holder.name === 'postgres' || /^postgresql/.test(holder.unit ?? ''),
      expectedName: 'PostgreSQL',
    });
  }
  return ports.map((port) => check(facts, port));
}

function check(facts: HostFacts, local: LocalPort): PreflightResult {
  const base = { id: `local-port-${local.port}`, label: local.label };
  if (facts.ports.source === 'none') {
    return { ...base, status: 'warn', detail: 'could not tell whether it is free', fix: `Check with \`ss -ltnp 'sport = :${local.port}'\` that nothing but ${local.expectedName} listens on it.` };
  }
  const listeners = facts.ports.listeners.filter((listener: Listener) => listener.port === local.port && CATCHES_LOOPBACK.has(listener.address));
  if (listeners.length === 0) return { ...base, status: 'pass', detail: 'free' };
  const holders = listeners.flatMap((listener) => listener.holders);
  if (listeners.every((listener) => listener.holders.length > 0) && holders.every(local.expected)) {
    return { ...base, status: 'pass', detail: `held by ${local.expectedName}` };
  }
  const others = holders.filter((holder) => !local.expected(holder));
  const named = others.length ? others.map((holder) => `${holder.name} (PID ${holder.pid}${holder.unit ? `, ${holder.unit}` : ''})`).join(', ') : 'a process matrix-setup could not identify';
  return {
    ...base,
    status: 'fail',
    detail: `in use by ${named}; ${local.sends}, so another program must not listen there`,
    fix: `Stop it or move it to another port (\`ss -ltnp 'sport = :${local.port}'\` shows it), then run again.`,
  };
}
