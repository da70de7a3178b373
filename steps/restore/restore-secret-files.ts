import { lstatSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Answers } from '../../src/answers/types.js';
import { MEMBERS, membersWithRole } from '../../src/backup/manifest.js';
import type { Action, RunContext, Step } from '../../src/engine/types.js';
import type { SecretName } from '../../src/secrets/tokens.js';
import { isPlaced, place, type Placement } from './place-member.js';
import type { RestoreSource } from './restore-source.js';
import { backupText as t } from '../../src/i18n/messages/backup.js';
import type { Localized } from '../../src/i18n/localized.js';

function secretFileRef(answers: Answers, secret: SecretName): string | undefined {
  switch (secret) {
    case 'database_password':
      return answers.database.password?.file;
    case 'database_admin_password':
      return answers.database.admin_password?.file;
    case 'admin_password':
      return answers.admin.password?.file;
    case 'smtp_password':
      return answers.email.smtp_password?.file;
    default:
      return undefined;
  }
}

/**
 * Secrets the answers reference by file (an SMTP password in /root/smtp-password, say) are in
 * the backup; a file that is missing here is written back (0600, root) where the answers say,
 * when its directory is root's own. A file that exists is the user's and is left alone.
 */
export function restoreSecretFilesStep(source: RestoreSource): Step {
  return {
    id: 'restore-secret-files',
    title: t.secretFilesTitle,
    needs: ['restore-check'],
    skip({ answers }) {
      return placements(source, answers).length === 0 ? t.noSecretFiles : undefined;
    },
    plan({ answers }): Action[] {
      const wanted = placements(source, answers);
      return [
        {
          kind: 'task',
          description: t.secretFilesTask({ paths: wanted.map((p) => p.path).join(', ') }),
          shows: [],
          check: async (ctx) => {
            for (const placement of wanted) if (!(await present(ctx, placement))) return false;
            return true;
          },
          run: async (ctx) => {
            for (const placement of wanted) {
              if (await present(ctx, placement)) continue;
              const problem = unsafeDirectory(dirname(placement.path));
              if (problem) {
                ctx.warn(t.notWriting({ path: placement.path, problem }));
                continue;
              }
              await place(ctx, source.archive, placement, ctx.backupPath);
              ctx.note(t.wroteFromBackup({ path: placement.path }));
            }
          },
        },
      ];
    },
  };
}

function placements(source: RestoreSource, answers: Answers): Placement[] {
  return membersWithRole(source.archive.manifest, 'secret-file').flatMap((member) => {
    const secret = member.name.slice(MEMBERS.secretFilePrefix.length) as SecretName;
    const path = secretFileRef(answers, secret);
    return path ? [{ member, path, owner: { user: 'root', group: 'root' }, mode: 0o600 }] : [];
  });
}

/** The user's own file counts as present whatever it holds; only a missing one is restored. */
async function present(ctx: RunContext, placement: Placement): Promise<boolean> {
  try {
    lstatSync(placement.path);
    return true;
  } catch {
    return isPlaced(ctx, placement);
  }
}

/** Root writes only into directories that exist, are root's and no one else may write to. */
function unsafeDirectory(dir: string): Localized | undefined {
  let stat;
  try {
    stat = lstatSync(dir);
  } catch {
    return t.dirMissing({ dir });
  }
  if (!stat.isDirectory()) return t.dirNotDirectory({ dir });
  if (stat.uid !== 0) return t.dirNotRoot({ dir });
  if (stat.mode & 0o022) return t.dirWritable({ dir });
  return undefined;
}
