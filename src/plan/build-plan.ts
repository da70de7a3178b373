import { createHash } from 'node:crypto';
import type { Action, PlanInput, Step } from '../engine/types.js';
import { describeAction, inEnglish, type PlannedAction } from './planned-action.js';
import type { Localized } from '../i18n/localized.js';

export interface PlannedStep {
  id: string;
  title: Localized;
  needs: string[];
  /** Why the step does not apply, when it doesn't. */
  skip?: Localized;
  actions: PlannedAction[];
  /** Hash of the planned actions: a done step whose hash changed runs again. */
  inputHash: string;
}

/** The whole plan: pure, from answers and target only. */
export function buildPlan(steps: Step[], input: PlanInput): PlannedStep[] {
  return steps.map((step) => planStep(step, input));
}

export function planStep(step: Step, input: PlanInput): PlannedStep {
  return planStepActions(step, input).planned;
}

/** The plan of one step, with the actions themselves (what the runner applies). */
export function planStepActions(step: Step, input: PlanInput): { planned: PlannedStep; actions: Action[] } {
  const skip = step.skip?.(input);
  const actions = skip ? [] : step.plan(input);
  const described = actions.map(describeAction);
  // Hashed in English, as before texts had languages: a finished step stays finished across versions.
  const inputHash = createHash('sha256').update(JSON.stringify({ skip: skip?.en, actions: described.map(inEnglish) })).digest('hex').slice(0, 16);
  return { planned: { id: step.id, title: step.title, needs: step.needs, ...(skip ? { skip } : {}), actions: described, inputHash }, actions };
}
