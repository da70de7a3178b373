import { readFileSync } from 'node:fs';
import type { Action, Step } from '../../src/engine/types.js';
import { statePaths } from '../../src/engine/runner.js';
import { writeFileAtomic } from '../../src/fs/atomic.js';
import type { UpgradeRecordStore } from './record.js';

/**
 * The last step: the saved answers follow the change (a moved pin, the new Element source),
 * so a later `resume` or re-run keeps it instead of undoing it; the record says it is done.
 */
export function finishStep(store: UpgradeRecordStore, direction: 'upgrade' | 'rollback', needs: string[]): Step {
  const answersFile = statePaths(store.stateDir).answers;
  const wanted = () => (direction === 'upgrade' ? store.record.answersAfter : store.record.answersBefore);
  const finished = () => (direction === 'upgrade' ? store.record.status === 'done' : store.record.status === 'rolled-back');
  return {
    id: `${direction}-finish`,
    title: direction === 'upgrade' ? 'Record the upgrade' : 'Record the rollback',
    needs,
    plan(): Action[] {
      const answersChange = store.record.answersAfter !== store.record.answersBefore;
      return [
        {
          kind: 'task',
          description:
            `Record the ${direction} in ${store.stateDir}/upgrade.json` +
            (answersChange ? ` and save the answers ${direction === 'upgrade' ? 'with the new versions' : 'as they were before the upgrade'} in ${answersFile}` : ''),
          shows: [],
          check: async () => finished() && readIfExists(answersFile) === wanted(),
          run: async () => {
            if (readIfExists(answersFile) !== wanted()) writeFileAtomic(answersFile, wanted(), { mode: 0o600 });
            const now = new Date().toISOString();
            store.update((record) => {
              if (direction === 'upgrade') {
                record.status = 'done';
                record.finishedAt = now;
              } else {
                record.status = 'rolled-back';
                record.rollback!.finishedAt = now;
              }
            });
          },
        },
      ];
    },
  };
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
