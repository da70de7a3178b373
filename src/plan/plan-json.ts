import type { Lang } from '../i18n/language.js';
import type { PlannedStep } from './build-plan.js';
import { actionIn } from './planned-action.js';

/** The plan for `plan --json`: the same keys in every language; titles, reasons and descriptions in `lang`. */
export function planJson(plan: PlannedStep[], lang: Lang) {
  return plan.map((step) => ({
    ...step,
    title: step.title[lang],
    ...(step.skip ? { skip: step.skip[lang] } : {}),
    actions: step.actions.map((action) => actionIn(action, lang)),
  }));
}
