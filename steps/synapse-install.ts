import type { Action, RunContext, Step } from '../src/engine/types.js';
import { StepError } from '../src/errors.js';
import { debconfAnswers, matrixOrgRepository } from './synapse/apt-repository.js';
import { existingInstallTask } from './synapse/existing-install.js';
import { synapseLayout, type SynapseLayout } from './synapse/sources.js';
import { daemonReloadTask } from './synapse/systemd.js';
import { venvInstallActions } from './synapse/venv.js';
import { synapseUnitOverride } from './templates/systemd-synapse-override.js';
import { synapseUnit } from './templates/systemd-synapse-unit.js';

/**
 * Synapse itself, from the source the answers and target choose (steps/synapse/sources.ts):
 * matrix.org's APT repository, Debian's own package, or a venv from PyPI; then the unit
 * (the package's, with a drop-in for what the answers change, or matrix-setup's own).
 */
export const synapseInstallStep: Step = {
  id: 'synapse-install',
  title: 'Install Synapse',
  needs: ['base-packages'],
  plan({ answers, target }): Action[] {
    const layout = synapseLayout(answers, target);
    // Also checked by the package transaction, before anything is installed.
    const existing = existingInstallTask(answers, target, layout);
    const actions: Action[] = [existing];
    if (layout.source === 'venv') {
      actions.push(...venvInstallActions(answers, target, layout, existing));
      actions.push({ kind: 'file', path: layout.unitFile, content: synapseUnit(answers, layout), mode: 0o644, owner: 'root', group: 'root', notify: [layout.unit] });
    } else {
      actions.push({
        kind: 'packages',
        manager: 'apt',
        names: layout.packages,
        checks: [existing],
        debconf: debconfAnswers(answers, layout),
        ...(layout.source === 'apt' ? { repositories: [matrixOrgRepository(target.codename!)] } : {}),
      });
      actions.push({ kind: 'file', path: layout.unitFile, content: synapseUnitOverride(answers, layout), mode: 0o644, owner: 'root', group: 'root', notify: [layout.unit] });
    }
    actions.push(daemonReloadTask(layout.unit));
    return actions;
  },
  async verify(ctx) {
    const layout = synapseLayout(ctx.answers, ctx.target);
    ctx.note(`Synapse ${await installedVersion(ctx, layout)} is installed (${describeSource(layout)}).`);
  },
};

/**
 * Synapse's package is where this Python finds it, and its version: from the package metadata,
 * without importing Synapse (half a second; the service's start, right after, imports it and
 * diagnoses a broken install).
 */
const VERSION_PROBE = [
  'import importlib.util, sys',
  "if importlib.util.find_spec('synapse') is None: sys.exit('No module named synapse')",
  'try:',
  "    from importlib.metadata import version; print(version('matrix-synapse'))",
  'except Exception:',
  '    import synapse; print(synapse.__version__)',
].join('\n');

async function installedVersion(ctx: RunContext, layout: SynapseLayout): Promise<string> {
  const result = await ctx.exec.run([layout.python, '-c', VERSION_PROBE], { probe: true, okExitCodes: [0, 1] });
  if (result.exitCode !== 0) {
    throw new StepError(`Synapse is not importable by ${layout.python} after the install.`, {
      hint: layout.source === 'venv' ? `Recreate the virtualenv: remove ${layout.venv} and resume.` : `Reinstall the package: apt-get install --reinstall ${layout.packageName}.`,
      outputTail: result.stderr.split('\n').slice(-10),
    });
  }
  return result.stdout.trim();
}

function describeSource(layout: SynapseLayout): string {
  switch (layout.source) {
    case 'apt':
      return 'matrix.org package matrix-synapse-py3';
    case 'distro':
      return "Debian's own package matrix-synapse";
    case 'venv':
      return `virtualenv ${layout.venv}`;
  }
}
