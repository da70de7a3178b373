import { posix } from 'node:path';
import { readMember } from '../../src/backup/archive-members.js';
import { membersWithRole, type ManifestMember } from '../../src/backup/manifest.js';
import type { Action, RunContext, Step } from '../../src/engine/types.js';
import { checkCertificate, checkCertificateFiles } from '../../src/tls/certificate-check.js';
import { edgeLayout } from '../edge/edge-layout.js';
import { allPlaced, isInside, place } from './place-member.js';
import { certificatePaths } from '../backup/backup-sources.js';
import type { Answers } from '../../src/answers/types.js';
import type { RestoreSource } from './restore-source.js';
import { backupText as t } from '../../src/i18n/messages/backup.js';
import { joinLocalized } from '../../src/i18n/localized.js';

/**
 * The backup's certificate for the served names, so a moved server serves HTTPS at once (and
 * keeps its certificate until DNS points here): put in place, symlinks and renewal config
 * included, while it is valid and covers every name and this machine has none that does.
 * Otherwise nothing is done and tls-certificate requests one as in an install.
 */
export function restoreCertificateStep(source: RestoreSource): Step {
  const archived = membersWithRole(source.archive.manifest, 'certificate');
  /** Only the lineage these answers use, whatever else the archive lists. */
  const lineage = (answers: Answers) => {
    const allowed = certificatePaths(answers, edgeLayout(answers).certificate.name);
    return archived.filter((m) => m.path && allowed.some((dir) => isInside(m.path!, dir)));
  };
  return {
    id: 'restore-certificate',
    title: t.certificateTitle,
    needs: ['restore-check'],
    skip({ answers }) {
      return lineage(answers).length === 0 ? t.noCertificate : undefined;
    },
    plan({ answers }): Action[] {
      const layout = edgeLayout(answers);
      const members = lineage(answers);
      const { fullchain } = layout.certificate;
      return [
        {
          kind: 'task',
          description: t.certificateTask({ names: layout.names.join(', '), fullchain, paths: [...new Set(members.map((m) => topPath(m.path!)))].join(', ') }),
          shows: [],
          check: async (ctx) => (await verdict(ctx, source, members)) !== 'restore' || (await allPlaced(ctx, members.map((member) => ({ member, path: member.path! })))),
          run: async (ctx) => {
            if ((await verdict(ctx, source, members)) !== 'restore') return;
            for (const member of [...members].sort((a, b) => a.path!.localeCompare(b.path!))) {
              await place(ctx, source.archive, { member, path: member.path! }, ctx.backupPath);
            }
            ctx.note(t.certificateRestored({ names: layout.names.join(', ') }));
          },
        },
      ];
    },
  };
}

/** 'keep' when this machine has a fitting certificate, 'request' when the backup's does not fit (tls-certificate gets one), else 'restore'. */
async function verdict(ctx: RunContext, source: RestoreSource, members: ManifestMember[]): Promise<'keep' | 'request' | 'restore'> {
  const layout = edgeLayout(ctx.answers);
  const { fullchain, privkey } = layout.certificate;
  if (checkCertificateFiles(fullchain, privkey, layout.names).problems.length === 0) return 'keep';
  const certPem = await resolvedMember(source, members, fullchain);
  const keyPem = await resolvedMember(source, members, privkey);
  if (!certPem || !keyPem) {
    ctx.note(t.noCertificateAt({ path: fullchain }));
    return 'request';
  }
  const report = checkCertificate({ certPem, keyPem, names: layout.names, certLabel: t.backupCertificate, keyLabel: t.itsKey });
  if (report.problems.length) {
    ctx.note(t.certificateUnfit({ problems: joinLocalized(report.problems, '; ') }));
    return 'request';
  }
  return 'restore';
}

/** The content the archive holds for a path, following symlinks inside the archive (certbot's live/ links). */
async function resolvedMember(source: RestoreSource, members: ManifestMember[], path: string): Promise<string | undefined> {
  let current = path;
  for (let hops = 0; hops < 8; hops++) {
    const member = members.find((m) => m.path === current);
    if (!member) return undefined;
    if (member.type === 'file') return (await readMember(source.archive, member.name)).toString('utf8');
    if (member.type !== 'symlink') return undefined;
    current = posix.resolve(posix.dirname(current), member.link!);
  }
  return undefined;
}

/** /etc/letsencrypt/live/matrix.test/cert.pem → /etc/letsencrypt/live/matrix.test */
function topPath(path: string): string {
  const parts = path.split('/');
  return parts.length > 5 && parts[2] === 'letsencrypt' ? parts.slice(0, 5).join('/') : path;
}
