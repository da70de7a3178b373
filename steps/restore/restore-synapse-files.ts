import { basename } from 'node:path';
import type { Answers } from '../../src/answers/types.js';
import { MEMBERS, membersWithRole } from '../../src/backup/manifest.js';
import type { Action, PlanInput, RunContext, Step } from '../../src/engine/types.js';
import type { Target } from '../../src/host/target.js';
import { ANY_EXIT_CODE } from '../../src/exec/executor.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import { STEPS } from '../index.js';
import { synapseLayout } from '../synapse/sources.js';
import { allPlaced, isInside, isPlaced, place, sameContent, type Placement } from './place-member.js';
import type { RestoreSource } from './restore-source.js';
import { backupText as t } from '../../src/i18n/messages/backup.js';

/** Files a package ships in the config directory: only restored over a Synapse installed the same way. */
const PACKAGE_FILES = ['homeserver.yaml', 'log.yaml', 'server_name.yaml', 'report_stats.yaml'];

/**
 * The server's identity and its own configuration, before matrix-setup configures Synapse:
 * the signing key (owned by Synapse's user, 0600; a key the package generated on this machine
 * is kept aside) and the files of the config directory that matrix-setup does not write itself
 * (those come from the answers and the restored secrets, byte for byte the same). Synapse is
 * stopped when one of them changes; synapse-service starts it again.
 */
export function restoreSynapseFilesStep(source: RestoreSource): Step {
  return {
    id: 'restore-synapse-files',
    title: t.synapseFilesTitle,
    needs: ['synapse-install'],
    plan(input): Action[] {
      const placements = synapsePlacements(source, input);
      const layout = synapseLayout(input.answers, input.target);
      const others = placements.filter((p) => p.member.name !== MEMBERS.signingKey).map((p) => p.path);
      return [
        {
          kind: 'task',
          description: others.length
            ? t.synapseFilesTaskOthers({ key: layout.signingKey, user: layout.user, group: layout.group, others: others.join(', '), dir: source.stateDir, unit: layout.unit })
            : t.synapseFilesTask({ key: layout.signingKey, user: layout.user, group: layout.group, dir: source.stateDir, unit: layout.unit }),
          shows: [{ argv: ['systemctl', 'stop', layout.unit], when: t.whenFileChanges }],
          check: (ctx) => allPlaced(ctx, placements),
          run: (ctx) => restoreFiles(ctx, source, placements, layout.unit),
        },
      ];
    },
  };
}

export function synapsePlacements(source: RestoreSource, { answers, target }: PlanInput): Placement[] {
  const { manifest } = source.archive;
  const layout = synapseLayout(answers, target);
  const [key] = membersWithRole(manifest, 'signing-key');
  const placements: Placement[] = key ? [{ member: key, path: layout.signingKey, owner: { user: layout.user, group: layout.group }, mode: 0o600 }] : [];
  const written = filesMatrixSetupWrites(answers, target);
  const sameSource = manifest.install_method === layout.source;
  for (const member of membersWithRole(manifest, 'synapse-config')) {
    const path = member.path ?? '';
    // Only ever inside this install's config directory, whatever the archive says.
    if (member.type === 'directory' || written.has(path) || !isInside(path, layout.configDir)) continue;
    if (!sameSource && PACKAGE_FILES.includes(basename(path))) continue;
    placements.push({ member, path });
  }
  return placements;
}

function filesMatrixSetupWrites(answers: Answers, target: Target): Set<string> {
  return new Set(buildPlan(STEPS, { answers, target }).flatMap((step) => step.actions.flatMap((a) => (a.kind === 'file' ? [a.path] : []))));
}

async function restoreFiles(ctx: RunContext, source: RestoreSource, placements: Placement[], unit: string): Promise<void> {
  let stopped = false;
  for (const placement of placements) {
    if (await isPlaced(ctx, placement)) continue;
    const what = placement.member.name === MEMBERS.signingKey ? t.theSigningKey({ path: placement.path }) : placement.path;
    if (!stopped && !(await sameContent(placement))) {
      // Synapse must not run (or crash-loop) with a half-restored identity or config.
      await ctx.exec.run(['systemctl', 'stop', unit], { okExitCodes: ANY_EXIT_CODE });
      stopped = true;
    }
    const outcome = await place(ctx, source.archive, placement, ctx.backupPath);
    if (outcome === 'adjusted') ctx.note(t.ownerModeSet({ what }));
    else ctx.note(outcome === 'replaced' ? t.restoredReplaced({ what, dir: source.stateDir }) : t.restored({ what }));
  }
  if (!source.archive.manifest.members.some((m) => m.role === 'signing-key')) {
    ctx.warn(t.noSigningKeyInBackup);
  }
}
