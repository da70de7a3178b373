/**
 * The wizard's preflight list while the facts come in: checks whose facts are known show
 * their result, the others spin. The checks themselves are the install's own
 * (runPreflightChecks); facts not known yet are stood in for, and those results withheld.
 */
import type { Answers } from '../answers/types.js';
import type { GatherProgress, HostFacts } from '../host/facts.js';
import type { RefusedTarget, Target } from '../host/target.js';
import { runPreflightChecks } from '../preflight/checks.js';
import type { PreflightItem } from './engine-port.js';

/** The slow facts a check reads, by check id; a check not listed waits for all of them. */
function factsFor(id: string): string[] | undefined {
  if (id === 'root' || id === 'systemd' || id === 'memory') return [];
  if (id === 'target') return ['osRelease'];
  if (id === 'disk') return ['disk'];
  if (id === 'clock') return ['clock'];
  if (id.startsWith('port-') || id.startsWith('local-port-')) return ['ports'];
  if (id.startsWith('dns:')) return [id];
  return undefined;
}

/** Checks not listed in factsFor stay pending until the whole preflight is done. */
export function preflightItems(progress: GatherProgress, answers: Answers, target: Target | RefusedTarget): PreflightItem[] {
  const known = progress.facts;
  const facts: HostFacts = {
    isRoot: known.isRoot ?? false,
    hasSystemd: known.hasSystemd ?? false,
    arch: known.arch ?? '',
    memoryBytes: known.memoryBytes ?? 0,
    addresses: known.addresses ?? [],
    ports: known.ports ?? { listeners: [], source: 'none' },
    dns: known.dns ?? {},
    clock: known.clock ?? { now: Date.now() },
    ...(known.osRelease ? { osRelease: known.osRelease } : {}),
    ...(known.disk ? { disk: known.disk } : {}),
  };
  return runPreflightChecks(facts, answers, target).map((result) => {
    const needs = factsFor(result.id);
    const ready = needs !== undefined && needs.every((fact) => progress.settled.has(fact));
    return ready ? result : { id: result.id, label: result.label, status: 'pending' };
  });
}
