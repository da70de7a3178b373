/**
 * Answers to questions that no longer apply are dropped before the draft becomes answers:
 * turning TURN or email off again, or the SMTP login, must not leave their details in the
 * answers file. Questions hidden only because the advanced settings were skipped keep their
 * answers (a previous run's tuning stays), and so do keys the wizard never asks about.
 */
import type { AnswersDraft } from '../../answers/field-spec.js';
import { QUESTIONS, type QuestionContext } from '../questions/index.js';
import { storedAt, writeAnswer } from './draft.js';

export function pruneDraft(ctx: QuestionContext): AnswersDraft {
  const everything: QuestionContext = { ...ctx, flags: { ...ctx.flags, advanced: true } };
  const withPath = QUESTIONS.filter((question) => question.kind !== 'database-test' && 'path' in question && question.path);
  const applies = (question: (typeof withPath)[number]) => !question.ask || question.ask(everything);
  const kept = new Set(withPath.filter(applies).map((question) => storedAt((question as { path: string }).path)));
  let draft = ctx.draft;
  for (const question of withPath) {
    const path = (question as { path: string }).path;
    if (!applies(question) && !kept.has(storedAt(path))) draft = writeAnswer(draft, path, undefined);
  }
  return draft;
}
