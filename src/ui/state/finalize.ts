/**
 * The wizard's draft turned into answers exactly as `--answers` would read them: the draft
 * is written as an answers file and validated like one, so both paths give the same answers
 * (and the same saved file) for the same choices.
 */
import type { AnswersDraft } from '../../answers/field-spec.js';
import { resolveAnswers } from '../../answers/resolve.js';
import { answersToYaml } from '../../answers/save.js';
import type { Answers } from '../../answers/types.js';
import { validateAnswersDocument } from '../../answers/validate.js';
import { AnswersError, issueMessage } from '../../errors.js';
import type { Localized } from '../../i18n/localized.js';
import { wizardText as w } from '../../i18n/messages/wizard.js';

export type Finalized = { ok: true; answers: Answers } | { ok: false; issues: Localized[] };

export function finalizeAnswers(draft: AnswersDraft): Finalized {
  try {
    return { ok: true, answers: validateAnswersDocument(answersToYaml(resolveAnswers(draft))) };
  } catch (error) {
    if (error instanceof AnswersError) return { ok: false, issues: error.issues.map((issue) => w.answerIssue({ path: issue.path || 'answers', message: issueMessage(issue) })) };
    throw error;
  }
}
