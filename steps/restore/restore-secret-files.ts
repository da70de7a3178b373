import { lstatSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Answers } from '../../src/answers/types.js';
import { MEMBERS, membersWithRole } from '../../src/backup/manifest.js';
import type { Action, RunContext, Step } from '../../src/engine/types.js';
import type { SecretName } from '../../src/secrets/tokens.js';
import { isPlaced, place, type Placement } from './place-member.js';
import type { RestoreSource } from './restore-source.js';

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
    title: 'Restore the secret files the answers refer to',
    needs: ['restore-check'],
    skip({ answers }) {
      return placements(source, answers).length === 0 ? 'the answers refer to no secret file the backup holds' : undefined;
    },
    plan({ answers }): Action[] {
      const wanted = placements(source, answers);
      return [
        {
          kind: 'task',
          description: `Write ${wanted.map((p) => p.path).join(', ')} (0600, root) from the backup where missing`,
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
                ctx.warn(`Not writing ${placement.path}: ${problem}. Put the secret there yourself (mode 0600) before the step that needs it.`);
                continue;
              }
              await place(ctx, source.archive, placement, ctx.backupPath);
              ctx.note(`Wrote ${placement.path} from the backup.`);
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
function unsafeDirectory(dir: string): string | undefined {
  let stat;
  try {
    stat = lstatSync(dir);
  } catch {
    return `${dir} does not exist`;
  }
  if (!stat.isDirectory()) return `${dir} is not a directory`;
  if (stat.uid !== 0) return `${dir} does not belong to root`;
  if (stat.mode & 0o022) return `${dir} is writable by others`;
  return undefined;
}
