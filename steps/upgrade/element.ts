import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Answers } from '../../src/answers/types.js';
import type { Action, Step } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';
import { ELEMENT_ROOT } from '../edge/edge-layout.js';
import { elementLayout, switchCurrentTask, type ElementLayout } from '../edge/element-release.js';
import { elementWebActions } from '../element-web.js';
import type { UpgradeRecordStore } from './record.js';

/**
 * The new Element Web release next to the running one (its own versioned directory, its
 * config.json), then `current` switched to it by one rename. The previous release stays
 * where it is, for a rollback.
 */
export function elementUpgradeStep(store: UpgradeRecordStore, answersAfter: Answers, root = ELEMENT_ROOT): Step {
  return {
    id: 'upgrade-element',
    title: 'Upgrade Element Web',
    needs: ['upgrade-check'],
    skip: () => (store.record.element ? undefined : 'Element Web is not part of this upgrade'),
    plan(): Action[] {
      return elementWebActions(answersAfter, root);
    },
  };
}

/** `current` back to the release the upgrade kept. */
export function elementRollbackStep(store: UpgradeRecordStore, answersBefore: Answers, root = ELEMENT_ROOT): Step {
  return {
    id: 'rollback-element',
    title: 'Switch Element Web back',
    needs: ['rollback-check'],
    skip: () => (store.record.element?.from ? undefined : store.record.element ? 'there was no Element Web release before the upgrade' : 'Element Web was not part of the upgrade'),
    plan(): Action[] {
      const layout = keptLayout(answersBefore, store.record.element!.from!, root);
      const switchBack = switchCurrentTask(layout);
      return [
        {
          ...switchBack,
          run: async (ctx) => {
            if (!existsSync(join(layout.releaseDir, 'index.html'))) {
              throw new StepError(`The Element Web release kept by the upgrade, ${layout.releaseDir}, is gone.`, {
                hint: 'Reinstall it by running the install again with the answers of before the upgrade.',
              });
            }
            await switchBack.run(ctx);
          },
        },
      ];
    },
  };
}

function keptLayout(answers: Answers, release: string, root: string): ElementLayout {
  const base = elementLayout(answers, root);
  const releaseDir = join(root, release);
  return { ...base, release, releaseDir, config: join(releaseDir, 'config.json') };
}
