import type { Step } from './types.js';

/**
 * Checks that the registry is a valid walk order: ids are unique and every step's
 * needs are known and come earlier. Returns the steps unchanged (the registry order is the run order).
 */
export function checkStepOrder(steps: Step[]): Step[] {
  const seen = new Set<string>();
  for (const step of steps) {
    if (seen.has(step.id)) throw new Error(`Step "${step.id}" is registered twice.`);
    for (const need of step.needs) {
      if (!seen.has(need)) {
        const known = steps.some((s) => s.id === need);
        throw new Error(
          known
            ? `Step "${step.id}" needs "${need}", which is registered after it.`
            : `Step "${step.id}" needs "${need}", which does not exist.`,
        );
      }
    }
    seen.add(step.id);
  }
  return steps;
}
