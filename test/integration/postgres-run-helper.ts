// Runs the PostgreSQL steps through the real runner against a throwaway cluster.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Answers } from '../../src/answers/types.js';
import type { EngineEvent } from '../../src/engine/events.js';
import { runInstall, type RunOutcome } from '../../src/engine/runner.js';
import type { Step } from '../../src/engine/types.js';
import { testTarget } from '../helpers/answers.js';

export interface StepsRun {
  outcome: RunOutcome;
  events: EngineEvent[];
  log: string;
}

/** A state directory that lives across runs (like /var/lib/matrix-setup). */
export function stateDirectory(): { dir: string; remove(): void; secret(name: string): string } {
  const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-state-'));
  return {
    dir,
    remove: () => rmSync(dir, { recursive: true, force: true }),
    secret: (name) => (parse(readFileSync(join(dir, 'secrets.yaml'), 'utf8')) as Record<string, string>)[name],
  };
}

/** The steps run on their own: their needs on steps outside the list are dropped. */
export async function runSteps(steps: Step[], answers: Answers, stateDir: string): Promise<StepsRun> {
  const events: EngineEvent[] = [];
  const logFile = join(stateDir, `run-${Date.now()}-${Math.random().toString(36).slice(2)}.log`);
  const ids = new Set(steps.map((s) => s.id));
  const outcome = await runInstall({
    answers,
    target: testTarget('debian-12'),
    steps: steps.map((step) => ({ ...step, needs: step.needs.filter((need) => ids.has(need)) })),
    paths: { stateDir, logFile },
    onEvent: (event) => events.push(event),
    signal: new AbortController().signal,
  });
  return { outcome, events, log: readFileSync(logFile, 'utf8') };
}

export function changes(run: StepsRun): string[] {
  return run.events.flatMap((e) => (e.type === 'change' ? [`${e.stepId}: ${e.summary.en}`] : []));
}
