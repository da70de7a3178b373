import { fromLanguages, type Localized } from '../i18n/localized.js';
import { preflightText as t } from '../i18n/messages/preflight.js';
import type { PreflightResult } from './checks.js';

const MARK = { pass: 'ok  ', warn: 'warn', fail: 'FAIL' } as const;

/** One line per result, for logs and plain output: "ok   Memory: 3.8 GiB of RAM". */
export function formatPreflightLine(result: PreflightResult): Localized {
  return fromLanguages((lang) => {
    const fix = result.fix && result.status !== 'pass' ? ` -> ${result.fix[lang]}` : '';
    return `${MARK[result.status]} ${result.label[lang]}: ${result.detail[lang]}${fix}`;
  });
}

/** The message and hint of the error that stops the run when checks failed. */
export function describeFailures(failures: PreflightResult[]): { message: Localized; hint: Localized } {
  return {
    message: fromLanguages((lang) => `${t.notReady({ count: failures.length })[lang]}\n${failures.map((f) => `  - ${f.label[lang]}: ${f.detail[lang]}`).join('\n')}`),
    hint: fromLanguages((lang) => [...failures.map((f) => f.fix?.[lang]).filter(Boolean), t.thenRunAgain[lang]].join('\n')),
  };
}
