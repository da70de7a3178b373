import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mediaTarStream } from '../../src/backup/archive-members.js';
import { formatBytes } from '../../src/i18n/format-bytes.js';
import { MEMBERS } from '../../src/backup/manifest.js';
import type { Action, RunContext, Step } from '../../src/engine/types.js';
import { writeFileAtomic } from '../../src/fs/atomic.js';
import { synapseLayout, type SynapseLayout } from '../synapse/sources.js';
import type { RestoreSource } from './restore-source.js';
import { backupText as t } from '../../src/i18n/messages/backup.js';

const MEDIA_TIMEOUT_MS = 12 * 60 * 60 * 1000;

/** Records that the media of a backup are unpacked here (the files themselves prove nothing: a killed tar leaves some). */
export function mediaMarker(stateDir: string): string {
  return join(stateDir, 'restored-media');
}

export function unpackArgv(layout: SynapseLayout): string[] {
  // As Synapse's own user: the files are its own, and root never writes into its directory.
  // Directories already there keep their owner, mode and times (tar may not change another user's).
  return ['runuser', '-u', layout.user, '--', 'tar', '--extract', '--preserve-permissions', '--no-overwrite-dir', '--file=-', `--directory=${layout.mediaStore}`, '--strip-components=1'];
}

/**
 * The media store's local content and thumbnails, unpacked from the archive by tar running as
 * Synapse's user (remote media and URL previews are caches Synapse fetches again). Every file
 * is checked against its sha256 on the way; the step is done once all of them were unpacked.
 */
export function restoreMediaStep(source: RestoreSource): Step {
  const { media, backup_id: backupId } = source.archive.manifest;
  return {
    id: 'restore-media',
    title: t.mediaTitle,
    needs: ['synapse-install'],
    skip() {
      return media.included ? undefined : t.madeWithoutMedia;
    },
    plan({ answers, target }): Action[] {
      const layout = synapseLayout(answers, target);
      return [
        { kind: 'packages', manager: target.family === 'debian' ? 'apt' : 'dnf', names: ['tar'] },
        {
          kind: 'task',
          description: t.mediaTask({ files: media.files, size: formatBytes(media.bytes), store: layout.mediaStore, user: layout.user }),
          shows: [
            { argv: ['runuser', '-u', layout.user, '--', 'mkdir', '-p', '--', layout.mediaStore] },
            { argv: unpackArgv(layout), when: t.whenMediaMembers({ prefix: MEMBERS.mediaPrefix }) },
          ],
          check: async () => readMarker(source.stateDir) === backupId,
          run: (ctx) => unpackMedia(ctx, source, layout),
        },
      ];
    },
  };
}

async function unpackMedia(ctx: RunContext, source: RestoreSource, layout: SynapseLayout): Promise<void> {
  await ctx.exec.run(['runuser', '-u', layout.user, '--', 'mkdir', '-p', '--', layout.mediaStore], { cwd: '/' });
  const { stream, verify } = mediaTarStream(source.archive, MEMBERS.mediaPrefix);
  await ctx.exec.run(unpackArgv(layout), {
    input: stream,
    cwd: '/',
    timeoutMs: MEDIA_TIMEOUT_MS,
    hint: t.tarHint({ user: layout.user, store: layout.mediaStore }),
  });
  verify();
  await ctx.exec.run(['sync', '--file-system', layout.mediaStore], { cwd: '/' });
  writeFileAtomic(mediaMarker(source.stateDir), `${source.archive.manifest.backup_id}\n`, { mode: 0o600 });
  const { files, bytes } = source.archive.manifest.media;
  ctx.note(t.mediaUnpacked({ files, size: formatBytes(bytes), store: layout.mediaStore }));
}

function readMarker(stateDir: string): string | undefined {
  try {
    return readFileSync(mediaMarker(stateDir), 'utf8').trim();
  } catch {
    return undefined;
  }
}
