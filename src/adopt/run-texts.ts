import type { Lang } from '../i18n/language.js';
import { adoptText as t } from '../i18n/messages/adopt.js';
import { formatInstallSummary, type InstallSummary, type SummaryRow } from '../render/install-summary.js';

/** The summary of a finished adopt: the install's (with any secret shown once), adopt's headline and the backup it took. */
export function formatAdoptSummary(summary: InstallSummary, resumed: boolean, backupArchive: string | undefined, lang: Lang): string {
  const backup: SummaryRow[] = backupArchive ? [{ label: t.backupRow, value: backupArchive }] : [];
  return formatInstallSummary(
    {
      ...summary,
      headline: (resumed ? t.headlineResumed : t.headline)({ server: summary.serverName }),
      rows: [...summary.rows, ...backup],
      nextSteps: [...(backupArchive ? [t.backupNext({ archive: backupArchive })] : []), ...summary.nextSteps],
    },
    lang,
  );
}
