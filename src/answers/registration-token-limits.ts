import type { Answers } from './types.js';

export const DEFAULT_TOKEN_USES = 10;
export const DEFAULT_TOKEN_DAYS = 7;

/** How many accounts the first registration token opens, and for how many days: the answers' limits, or the defaults. */
export interface TokenLimits {
  uses: number;
  days: number;
}

export function tokenLimits(answers: Answers): TokenLimits {
  return { uses: answers.synapse.registration_token_uses ?? DEFAULT_TOKEN_USES, days: answers.synapse.registration_token_days ?? DEFAULT_TOKEN_DAYS };
}
