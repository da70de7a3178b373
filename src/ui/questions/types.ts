/**
 * Questions are data: what to ask, which answer it sets, when it applies, its default and
 * its help. The wizard's reducer walks them; the screens only render the current one.
 */
import type { AnswersDraft } from '../../answers/field-spec.js';
import type { Localized } from '../../i18n/localized.js';
import { questionText as q } from '../../i18n/messages/questions.js';
import type { HostSummary } from '../engine-port.js';

export type GroupId = 'names' | 'federation' | 'tls' | 'database' | 'synapse' | 'email' | 'accounts' | 'calls' | 'element' | 'uploads' | 'advanced';

export const GROUP_TITLES: Record<GroupId, Localized> = {
  names: q.groupNames,
  federation: q.groupFederation,
  tls: q.groupTls,
  database: q.groupDatabase,
  synapse: q.groupSynapse,
  email: q.groupEmail,
  accounts: q.groupAccounts,
  calls: q.groupCalls,
  element: q.groupElement,
  uploads: q.groupUploads,
  advanced: q.groupAdvanced,
};

/** Choices the wizard keeps to itself (never written to the answers file). */
export interface WizardFlags {
  advanced: boolean;
  /** How the SMTP password is referred to; unset follows the answers (an env reference keeps env). */
  smtpPasswordFrom?: 'file' | 'env';
}

export interface QuestionContext {
  draft: AnswersDraft;
  host: HostSummary;
  flags: WizardFlags;
}

export interface Choice {
  value: string | boolean;
  label: Localized;
  hint?: Localized;
}

interface QuestionBase {
  id: string;
  group: GroupId;
  title: Localized;
  /** One or two sentences; by default the answers schema's description of the key. */
  help?: Localized | ((ctx: QuestionContext, text: string) => Localized);
  /** A caution shown under the help, such as what an answer exposes. */
  warning?: Localized;
  /** Asked only when this holds. */
  ask?: (ctx: QuestionContext) => boolean;
}

/** Sets one answer. `path` is the key as validateField takes it ("tls.email", "database.password_file"). */
export interface TextQuestion extends QuestionBase {
  kind: 'text';
  path: string;
  /** Suggested text when nothing was answered yet (otherwise the schema's default is shown). */
  suggest?: (ctx: QuestionContext) => string | undefined;
  /** Shown dimmed when the field is empty; use the names already answered in examples. */
  placeholder?: Localized | ((ctx: QuestionContext) => Localized);
}

export interface ChoiceQuestion extends QuestionBase {
  kind: 'choice';
  /** An answer path, or a wizard flag. */
  path?: string;
  flag?: keyof WizardFlags;
  choices: (ctx: QuestionContext) => Choice[];
  suggest?: (ctx: QuestionContext) => string | boolean | undefined;
}

/** Connects to the external database with the answers so far before moving on. */
export interface DatabaseTestQuestion extends QuestionBase {
  kind: 'database-test';
}

export type Question = TextQuestion | ChoiceQuestion | DatabaseTestQuestion;
