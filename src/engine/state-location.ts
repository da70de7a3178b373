/** Where matrix-setup keeps its answers, secrets and run records unless --state-dir names another directory. */
export const DEFAULT_STATE_DIR = '/var/lib/matrix-setup';

/** A matrix-setup command for the runs recorded in `stateDir`: with --state-dir when it is not the default. */
export function commandFor(stateDir: string, command: 'resume' | 'status'): string {
  return stateDir === DEFAULT_STATE_DIR ? `matrix-setup ${command}` : `matrix-setup ${command} --state-dir ${stateDir}`;
}
