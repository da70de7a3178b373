import { existsSync } from 'node:fs';
import type { Action, Step } from '../src/engine/types.js';
import { StepError } from '../src/errors.js';
import type { Target } from '../src/host/target.js';
import { packagesFromEpel } from './base-packages.js';
import { synapseLayout } from './synapse/sources.js';
import { daemonReloadTask } from './synapse/systemd.js';
import { synapseTuning, systemdTuningDropIn } from './templates/systemd-tuning.js';

/** Debian's multiarch directory (/usr/lib/<triplet>) for each dpkg architecture. */
const MULTIARCH: Record<string, string> = {
  amd64: 'x86_64-linux-gnu',
  arm64: 'aarch64-linux-gnu',
  armhf: 'arm-linux-gnueabihf',
  armel: 'arm-linux-gnueabi',
  i386: 'i386-linux-gnu',
  ppc64el: 'powerpc64le-linux-gnu',
  s390x: 's390x-linux-gnu',
  riscv64: 'riscv64-linux-gnu',
  loong64: 'loongarch64-linux-gnu',
  mips64el: 'mips64el-linux-gnuabi64',
};

/**
 * The distro's jemalloc: package and library path. Debian and Ubuntu: libjemalloc2 in the
 * architecture's multiarch directory; the RHEL family: the jemalloc package (EPEL), in
 * /usr/lib64 on every 64-bit architecture the RHEL family supports.
 */
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
 * factor when set, and jemalloc preloaded, as Synapse's admin FAQ advises, for every kind of
 * install (neither the matrix.org package nor Debian's own preloads it).
 */
export const synapseTuningStep: Step = {
  id: 'synapse-tuning',
  title: 'Tune the Synapse service',
  needs: ['synapse-install'],
  plan({ answers, target }): Action[] {
    const layout = synapseLayout(answers, target);
    const jemalloc = jemallocFor(target);
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
    const jemalloc = jemallocFor(ctx.target);
    if (jemalloc && !existsSync(jemalloc.library)) {
      // The dynamic loader skips a missing preload with a message and Synapse runs with glibc's malloc.
      ctx.warn(`${jemalloc.library} is not there although ${jemalloc.package} is installed: Synapse runs without jemalloc (more memory in use over time).`);
    }
  },
};
