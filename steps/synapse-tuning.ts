import type { Action, Step } from '../src/engine/types.js';
import { StepError } from '../src/errors.js';
import type { Target } from '../src/host/target.js';
import { packagesFromEpel } from './base-packages.js';
import { synapseLayout } from './synapse/sources.js';
import { daemonReloadTask } from './synapse/systemd.js';
import { synapseTuning, systemdTuningDropIn } from './templates/systemd-tuning.js';

const MULTIARCH: Record<string, string> = {
  amd64: 'x86_64-linux-gnu',
  arm64: 'aarch64-linux-gnu',
  armhf: 'arm-linux-gnueabihf',
  i386: 'i386-linux-gnu',
  ppc64el: 'powerpc64le-linux-gnu',
  s390x: 's390x-linux-gnu',
};

/** The distro's jemalloc: package and library path. */
export function jemallocFor(target: Target): { package: string; library: string } | undefined {
  if (target.family === 'rhel') return { package: 'jemalloc', library: '/usr/lib64/libjemalloc.so.2' };
  const triplet = MULTIARCH[target.arch];
  return triplet ? { package: 'libjemalloc2', library: `/usr/lib/${triplet}/libjemalloc.so.2` } : undefined;
}

export function tuningDropInPath(unit: string): string {
  return `/etc/systemd/system/${unit}.d/matrix-setup-tuning.conf`;
}

/**
 * The service tuning from the guide, as a systemd drop-in: the open-file limit, the cache
 * factor when set, and jemalloc for a venv install (the matrix.org package preloads it itself).
 */
export const synapseTuningStep: Step = {
  id: 'synapse-tuning',
  title: 'Tune the Synapse service',
  needs: ['synapse-install'],
  plan({ answers, target }): Action[] {
    const layout = synapseLayout(answers, target);
    const jemalloc = layout.source === 'venv' ? jemallocFor(target) : undefined;
    const actions: Action[] = [];
    if (jemalloc) actions.push(packagesFromEpel(target, [jemalloc.package]));
    actions.push(
      { kind: 'directory', path: `/etc/systemd/system/${layout.unit}.d`, mode: 0o755, owner: 'root', group: 'root' },
      {
        kind: 'file',
        path: tuningDropInPath(layout.unit),
        content: systemdTuningDropIn(synapseTuning(answers, jemalloc?.library)),
        mode: 0o644,
        owner: 'root',
        group: 'root',
        notify: [layout.unit],
      },
      daemonReloadTask(layout.unit),
    );
    return actions;
  },
  async verify(ctx) {
    const layout = synapseLayout(ctx.answers, ctx.target);
    const result = await ctx.exec.run(['systemctl', 'show', '--property=LimitNOFILE', '--value', layout.unit], { probe: true });
    const limit = result.stdout.trim();
    if (limit !== String(ctx.answers.synapse.open_files_limit)) {
      throw new StepError(`systemd gives ${layout.unit} LimitNOFILE=${limit}, not ${ctx.answers.synapse.open_files_limit}.`, {
        hint: `Another drop-in in /etc/systemd/system/${layout.unit}.d/ sets it later; see \`systemctl cat ${layout.unit}\`.`,
      });
    }
  },
};
