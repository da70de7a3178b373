import type { Localized } from '../i18n/localized.js';
import { answerText as t } from '../i18n/messages/answers.js';

/** "is required", with when, how (a secret's two forms) and why, as far as they are known. */
export function requiredMessage(options: { condition?: Localized; secretPath?: string; because?: Localized }): Localized {
  const { condition, secretPath: path, because } = options;
  if (path !== undefined) {
    if (condition) return because ? t.requiredSecretWhenBecause({ condition, path, because }) : t.requiredSecretWhen({ condition, path });
    return because ? t.requiredSecretBecause({ path, because }) : t.requiredSecret({ path });
  }
  if (condition) return because ? t.requiredWhenBecause({ condition, because }) : t.requiredWhen({ condition });
  return because ? t.requiredBecause({ because }) : t.required;
}
