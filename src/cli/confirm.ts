import { createInterface } from 'node:readline/promises';
import type { Lang } from '../i18n/language.js';
import type { Localized } from '../i18n/localized.js';
import { cliText as t } from '../i18n/messages/cli.js';

/** A yes/no question on the terminal; only called when stdin is a TTY. The answer is y or n in every language. */
export async function confirm(question: Localized, lang: Lang): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(`${question[lang]} ${t.yesNo[lang]} `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
