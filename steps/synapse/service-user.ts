import type { SynapseLayout } from './sources.js';

/** Runs the layout's Python as the service user, from its data directory (root's cwd may be unreadable to it). */
export function asServiceUser(layout: SynapseLayout): string[] {
  return ['runuser', '-u', layout.user, '--', 'env', '-C', layout.dataDir, layout.python];
}

/** The --config-path arguments Synapse runs with. */
export function configPathArgs(layout: SynapseLayout): string[] {
  return layout.configPaths.flatMap((path) => ['--config-path', path]);
}
