// Golden plans of the backup and restore graphs for examples/answers.yaml: the backup's one step,
// and the restore's order of steps with the plans of its own steps (the install steps in it are
// the install's, kept in example.txt). Restored from a fixture manifest, not a real archive.
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadAnswersFile } from '../../src/answers/load.js';
import type { ManifestMember } from '../../src/backup/manifest.js';
import type { VerifiedArchive } from '../../src/backup/open-archive.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import { renderPlanText } from '../../src/plan/render-plan.js';
import { backupSteps } from '../../steps/backup/index.js';
import { restoreSteps } from '../../steps/restore/index.js';
import { testTarget } from '../helpers/answers.js';
import { testManifest } from '../helpers/backup-archive.js';
import { matchSnapshot } from '../helpers/snapshots.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SNAPSHOTS = join(ROOT, 'snapshots', 'plans');
const TARGETS = ['debian-12', 'rocky-9'];

const file = (name: string, path: string, role: ManifestMember['role'], extra: Partial<ManifestMember> = {}): ManifestMember => ({
  name, role, path, type: 'file', size: 10, sha256: '0'.repeat(64), mode: '0644', owner: 'root', group: 'root', ...extra,
});

function fixtureArchive(installMethod: 'apt' | 'venv'): VerifiedArchive {
  const members: ManifestMember[] = [
    file('database/synapse.dump', '', 'database'),
    file('synapse/signing.key', '/etc/matrix-synapse/homeserver.signing.key', 'signing-key', { mode: '0600' }),
    file('files/etc/matrix-synapse/homeserver.yaml', '/etc/matrix-synapse/homeserver.yaml', 'synapse-config'),
    file('files/etc/matrix-synapse/conf.d/zz-matrix-setup.yaml', '/etc/matrix-synapse/conf.d/zz-matrix-setup.yaml', 'synapse-config'),
    file('files/etc/matrix-synapse/conf.d/my-own.yaml', '/etc/matrix-synapse/conf.d/my-own.yaml', 'synapse-config'),
    file('files/etc/letsencrypt/renewal/matrix.example.org.conf', '/etc/letsencrypt/renewal/matrix.example.org.conf', 'certificate'),
    { ...file('files/etc/letsencrypt/live/matrix.example.org/fullchain.pem', '/etc/letsencrypt/live/matrix.example.org/fullchain.pem', 'certificate'), type: 'symlink', link: '../../archive/matrix.example.org/fullchain1.pem' },
  ];
  const manifest = testManifest(members, { install_method: installMethod, media: { included: true, store: '/var/lib/matrix-synapse/media', files: 1234, bytes: 5 * 1024 ** 3 } });
  return { path: '/root/matrix-setup-backup-example.org-20260304T050607Z.tar', entries: new Map(), bytes: 0, manifest };
}

describe('day-2 plans', () => {
  const answers = loadAnswersFile(join(ROOT, 'examples', 'answers.yaml'));
  for (const targetId of TARGETS) {
    const target = testTarget(targetId);
    it(`backup of examples/answers.yaml on ${targetId}`, () => {
      const steps = buildPlan(backupSteps({ directory: '/var/backups/matrix-setup', includeMedia: true, stateDir: '/var/lib/matrix-setup', onResult: () => {} }), { answers, target });
      matchSnapshot(join(SNAPSHOTS, targetId, 'backup.txt'), renderPlanText(steps, { target, answersFile: 'examples/answers.yaml' }));
    });

    it(`restore of examples/answers.yaml on ${targetId}`, () => {
      const archive = fixtureArchive(targetId === 'rocky-9' ? 'venv' : 'apt');
      const steps = buildPlan(restoreSteps({ archive, stateDir: '/var/lib/matrix-setup', replaceDatabase: false, stamp: '20260304T050607' }), { answers, target });
      const order = `Steps: ${steps.map((s) => s.id).join(', ')}\n`;
      matchSnapshot(
        join(SNAPSHOTS, targetId, 'restore.txt'),
        order + renderPlanText(steps.filter((s) => s.id.startsWith('restore-')), { target, answersFile: 'examples/answers.yaml' }),
      );
    });
  }
});
