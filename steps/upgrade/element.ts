import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Answers } from '../../src/answers/types.js';
import type { Action, Step } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';
import { ELEMENT_ROOT } from '../edge/edge-layout.js';
import { elementLayout, switchCurrentTask, type ElementLayout } from '../edge/element-release.js';
import { elementWebActions } from '../element-web.js';
import type { UpgradeRecordStore } from './record.js';
import { upgradeStepText as t } from '../../src/i18n/messages/steps-upgrade.js';

/**
 * The new Element Web release next to the running one (its own versioned directory, its
 * config.json), then `current` switched to it by one rename. The previous release stays
 * where it is, for a rollback.
 */
export function elementUpgradeStep(store: UpgradeRecordStore, answersAfter: Answers, root = ELEMENT_ROOT): Step {
  return {
    id: 'upgrade-element',
    title: t.elementTitle,
    needs: ['upgrade-check'],
    skip: () => (store.record.element ? undefined : t.elementNotPart),
    plan(): Action[] {
      return elementWebActions(answersAfter, root);
    },
  };
}

/** `current` back to the release the upgrade kept. */
export function elementRollbackStep(store: UpgradeRecordStore, answersBefore: Answers, root = ELEMENT_ROOT): Step {
  return {
    id: 'rollback-element',
    title: t.elementBackTitle,
    needs: ['rollback-check'],
    skip: () => (store.record.element?.from ? undefined : store.record.element ? t.noElementBefore : t.elementWasNotPart),
    plan(): Action[] {
      const layout = keptLayout(answersBefore, store.record.element!.from!, root);
      const switchBack = switchCurrentTask(layout);
      return [
        {
          ...switchBack,
          run: async (ctx) => {
            if (!existsSync(join(layout.releaseDir, 'index.html'))) {
              throw new StepError(t.keptReleaseGone({ dir: layout.releaseDir }), { hint: t.keptReleaseGoneHint });
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
