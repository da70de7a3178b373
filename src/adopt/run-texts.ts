import type { Answers } from '../answers/types.js';
import { formatInstallSummary, type InstallSummary, type SummaryRow } from '../render/install-summary.js';

/** What `adopt --yes` says around its run (the read-only look's texts are in report.ts). */
export const ADOPT_TEXTS = {
  question: (answers: Answers, machine: string) => `Take over the Synapse of ${answers.server_name} on this ${machine} machine (as planned above)?`,
  startingFromMachine: (serverName: string) => `Adopting the Synapse of ${serverName} with the answers read from this machine:`,
  headline: (serverName: string, resumed: boolean) => `Your Matrix homeserver ${serverName} is adopted${resumed ? ' (resumed)' : ''}: matrix-setup manages it from now on.`,
  backupRow: 'Backup before',
  backupNext: (archive: string) =>
    `The backup taken before adopting is ${archive} (it holds the SQLite database, if there was one, but no media); for a full one with media: matrix-setup backup`,
} as const;

/** The summary of a finished adopt: the install's (with any secret shown once), adopt's headline and the backup it took. */
export function formatAdoptSummary(summary: InstallSummary, resumed: boolean, backupArchive: string | undefined): string {
  const backup: SummaryRow[] = backupArchive ? [{ label: ADOPT_TEXTS.backupRow, value: backupArchive }] : [];
  return formatInstallSummary({
    ...summary,
    headline: ADOPT_TEXTS.headline(summary.serverName, resumed),
    rows: [...summary.rows, ...backup],
    nextSteps: [...(backupArchive ? [ADOPT_TEXTS.backupNext(backupArchive)] : []), ...summary.nextSteps],
  });
}
