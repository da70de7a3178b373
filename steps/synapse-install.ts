import type { Action, RunContext, Step } from '../src/engine/types.js';
import { StepError } from '../src/errors.js';
import { debconfPreseed, matrixOrgRepositoryActions } from './synapse/apt-repository.js';
import { existingInstallTask } from './synapse/existing-install.js';
import { synapseLayout, type SynapseLayout } from './synapse/sources.js';
import { daemonReloadTask } from './synapse/systemd.js';
import { venvInstallActions } from './synapse/venv.js';
import { synapseUnitOverride } from './templates/systemd-synapse-override.js';
import { synapseUnit } from './templates/systemd-synapse-unit.js';
import { synapseText as t } from '../src/i18n/messages/steps-synapse.js';
import type { Localized } from '../src/i18n/localized.js';

/**
 * Synapse itself, from the source the answers and target choose (steps/synapse/sources.ts):
 * matrix.org's APT repository, Debian's own package, or a venv from PyPI; then the unit
 * (the package's, with a drop-in for what the answers change, or matrix-setup's own).
 */
export const synapseInstallStep: Step = {
  id: 'synapse-install',
  title: t.installTitle,
  needs: ['base-packages'],
  plan({ answers, target }): Action[] {
    const layout = synapseLayout(answers, target);
    const actions: Action[] = [existingInstallTask(answers, target, layout)];
    if (layout.source === 'venv') {
      actions.push(...venvInstallActions(answers, target, layout));
      actions.push({ kind: 'file', path: layout.unitFile, content: synapseUnit(answers, layout), mode: 0o644, owner: 'root', group: 'root', notify: [layout.unit] });
    } else {
      if (layout.source === 'apt') actions.push(...matrixOrgRepositoryActions(target.codename!));
      actions.push(debconfPreseed(answers, layout), { kind: 'packages', manager: 'apt', names: layout.packages });
      actions.push({ kind: 'file', path: layout.unitFile, content: synapseUnitOverride(answers, layout), mode: 0o644, owner: 'root', group: 'root', notify: [layout.unit] });
    }
    actions.push(daemonReloadTask(layout.unit));
    return actions;
  },
  async verify(ctx) {
    const layout = synapseLayout(ctx.answers, ctx.target);
    ctx.note(t.installed({ version: await installedVersion(ctx, layout), source: describeSource(layout) }));
  },
};

async function installedVersion(ctx: RunContext, layout: SynapseLayout): Promise<string> {
  const result = await ctx.exec.run([layout.python, '-c', 'import synapse; print(synapse.__version__)'], { probe: true, okExitCodes: [0, 1] });
  if (result.exitCode !== 0) {
    throw new StepError(t.notImportable({ python: layout.python }), {
      hint: layout.source === 'venv' ? t.recreateVenv({ venv: layout.venv ?? '' }) : t.reinstallPackage({ package: layout.packageName ?? '' }),
      outputTail: result.stderr.split('\n').slice(-10),
    });
  }
  return result.stdout.trim();
}

function describeSource(layout: SynapseLayout): Localized {
  switch (layout.source) {
    case 'apt':
      return t.sourceApt;
    case 'distro':
      return t.sourceDistro;
    case 'venv':
      return t.sourceVenv({ venv: layout.venv ?? '' });
  }
}
