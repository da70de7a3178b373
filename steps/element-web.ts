import type { Answers } from '../src/answers/types.js';
import type { Action, Step } from '../src/engine/types.js';
import { edgeLayout, ELEMENT_ROOT } from './edge/edge-layout.js';
import { elementLayout, installReleaseTask, switchCurrentTask } from './edge/element-release.js';
import { elementConfig } from './templates/element-config.js';
import { edgeText as t } from '../src/i18n/messages/steps-edge.js';

/**
 * Element Web: a checked release unpacked into its own versioned directory, its config.json
 * pointing at this homeserver, and `current` switched to it by one atomic rename (an upgrade
 * never shows a half-copied app; going back is one link).
 */
export const elementWebStep: Step = {
  id: 'element-web',
  title: t.elementTitle,
  needs: ['base-packages'],
  skip: ({ answers }) => (answers.element.enabled ? undefined : t.elementOff),
  plan({ answers }): Action[] {
    return elementWebActions(answers);
  },
  async verify(ctx) {
    const host = ctx.answers.element.host.toLowerCase();
    if (host === ctx.answers.synapse_host.toLowerCase() || host === ctx.answers.server_name.toLowerCase()) {
      ctx.warn(t.elementSharesHost({ host, server: ctx.answers.server_name }));
    }
  },
};

/** The actions for a given root (tests install into a temporary one). */
export function elementWebActions(answers: Answers, root = ELEMENT_ROOT): Action[] {
  const layout = elementLayout(answers, root);
  return [
    { kind: 'directory', path: root, mode: 0o755, owner: 'root', group: 'root' },
    installReleaseTask(layout),
    { kind: 'file', path: layout.config, content: elementConfig(edgeLayout(answers, root)), mode: 0o644, owner: 'root', group: 'root' },
    switchCurrentTask(layout),
  ];
}
