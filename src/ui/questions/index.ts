import { ACCOUNT_QUESTIONS } from './accounts.js';
import { ADVANCED_QUESTIONS } from './advanced.js';
import { CALL_QUESTIONS } from './calls.js';
import { DATABASE_QUESTIONS } from './database.js';
import { ELEMENT_QUESTIONS } from './element.js';
import { EMAIL_QUESTIONS } from './email.js';
import { FEDERATION_QUESTIONS } from './federation.js';
import { NAME_QUESTIONS } from './names.js';
import { SYNAPSE_QUESTIONS } from './synapse.js';
import { TLS_QUESTIONS } from './tls.js';
import type { GroupId, Question, QuestionContext } from './types.js';
import { UPLOAD_QUESTIONS } from './uploads.js';

export * from './types.js';

/**
 * Every question in the order a person thinks about them. Federation comes before TLS: it
 * decides whether self-signed is possible; email before accounts: open registration needs it.
 */
export const QUESTIONS: Question[] = [
  ...NAME_QUESTIONS,
  ...FEDERATION_QUESTIONS,
  ...TLS_QUESTIONS,
  ...DATABASE_QUESTIONS,
  ...SYNAPSE_QUESTIONS,
  ...EMAIL_QUESTIONS,
  ...ACCOUNT_QUESTIONS,
  ...CALL_QUESTIONS,
  ...ELEMENT_QUESTIONS,
  ...UPLOAD_QUESTIONS,
  ...ADVANCED_QUESTIONS,
];

export const GROUP_ORDER: GroupId[] = [...new Set(QUESTIONS.map((q) => q.group))];

/** The questions that apply to the answers so far. */
export function visibleQuestions(ctx: QuestionContext): Question[] {
  return QUESTIONS.filter((question) => !question.ask || question.ask(ctx));
}

export function questionById(id: string): Question | undefined {
  return QUESTIONS.find((question) => question.id === id);
}
