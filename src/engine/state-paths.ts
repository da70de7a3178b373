import { join } from 'node:path';

/** Where a run keeps its files in the state directory (its own module: the wizard reads them before the runner is loaded). */
export function statePaths(stateDir: string) {
  return {
    state: join(stateDir, 'state.json'),
    lock: join(stateDir, 'lock'),
    secrets: join(stateDir, 'secrets.yaml'),
    backups: join(stateDir, 'backups'),
    answers: join(stateDir, 'answers.yaml'),
  };
}
