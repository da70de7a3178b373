import { expandMachineAddresses } from '../host/machine-address-token.js';
import type { Target } from '../host/target.js';
import type { PlannedAction } from './planned-action.js';
import type { PlannedStep } from './build-plan.js';
import { lineDiff } from './diff.js';
import { maskSecretsForDiff, type KnownSecret } from './mask-secrets.js';

export interface PlanRenderOptions {
  target: Target;
  answersFile?: string;
  /** Current content of a file on this machine, to show a diff instead of the whole file. */
  currentContent?(path: string): string | undefined;
  /** Secret values known here, replaced by their tokens in that diff (unknown ones are masked by shape). */
  knownSecrets?: KnownSecret[];
  /** The plan hash each step finished with in the last run on this machine, to say which steps would change. */
  lastRun?(stepId: string): string | undefined;
}

/** The plan as text: every step, every command as its argument list, every file in full (or as a diff). */
export function renderPlanText(plan: PlannedStep[], options: PlanRenderOptions): string {
  const out: string[] = [];
  out.push(`Plan for ${options.target.name} [${options.target.id}, ${options.target.arch}]${options.answersFile ? ` from ${options.answersFile}` : ''}`);
  out.push('Nothing has been changed. Commands are shown as argument lists; secrets as <<secret:name>>.');
  for (const warning of options.target.warnings) out.push(`warning: ${warning}`);
  const context: RenderContext = { ...options, transactions: transactionSteps(plan) };
  plan.forEach((step, index) => {
    out.push('');
    const number = `[${index + 1}/${plan.length}]`;
    if (step.skip) {
      out.push(`${number} ${step.id}: ${step.title} (skipped: ${step.skip})`);
      return;
    }
    out.push(`${number} ${step.id}: ${step.title}${step.needs.length ? ` (after ${step.needs.join(', ')})` : ''}${sinceLastRun(step, options)}`);
    for (const action of step.actions) out.push(...renderAction(action, context));
  });
  return `${out.join('\n')}\n`;
}

interface RenderContext extends PlanRenderOptions {
  /** Package name → the step whose single transaction installs it. */
  transactions: Map<string, string>;
}

function transactionSteps(plan: PlannedStep[]): Map<string, string> {
  const byName = new Map<string, string>();
  for (const step of plan) {
    for (const action of step.actions) {
      if (action.kind === 'packages' && action.from) for (const name of action.names) byName.set(name, step.id);
    }
  }
  return byName;
}

function renderPackages(action: Extract<PlannedAction, { kind: 'packages' }>, context: RenderContext): string[] {
  const installer = action.from ? undefined : context.transactions.get(action.names[0]);
  if (installer && action.names.every((name) => context.transactions.get(name) === installer)) {
    const source = action.repositories?.length ? ` from ${action.repositories.map((r) => r.title).join(', ')}` : '';
    return [`  packages (${action.manager}): ${action.names.join(' ')}${source} (installed by step ${installer}; checked here, installed here only if missing)`];
  }
  const lines = [`  packages (${action.manager}): ${action.names.join(' ')}`];
  for (const { step, names } of action.from ?? []) lines.push(`    for ${step}: ${names.join(' ')}`);
  for (const check of action.checks ?? []) lines.push(`    checked first: ${check}`);
  for (const repository of action.repositories ?? []) {
    lines.push(`    repository ${repository.title}, set up first:`);
    for (const setup of repository.actions) lines.push(...renderAction(setup, context).map((line) => `    ${line}`));
  }
  for (const [index, argv] of action.commands.entries()) {
    lines.push(`    $ ${showArgv(argv)}${index === 0 ? '    # once per run, before its first install' : ''}`);
    if (argv[0] === 'debconf-set-selections' && action.debconf !== undefined) lines.push(...indent(action.debconf, '    < '));
  }
  return lines;
}

function sinceLastRun(step: PlannedStep, options: PlanRenderOptions): string {
  if (!options.lastRun) return '';
  const last = options.lastRun(step.id);
  if (last === undefined) return '\n  (not done in the last run here: it will be applied)';
  return last === step.inputHash ? '\n  (the same as in the last run here: only re-checked)' : '\n  (differs from the last run here: what differs below is applied)';
}

function renderAction(action: PlannedAction, options: RenderContext): string[] {
  switch (action.kind) {
    case 'file': {
      const lines = [`  file ${action.path} (${action.owner}:${action.group} ${action.mode})${action.notify ? `, then restart ${action.notify.join(', ')}` : ''}`];
      const onMachine = options.currentContent?.(action.path);
      if (onMachine === undefined) {
        lines.push(...indent(action.content, '    | '));
        return lines;
      }
      // The file on the machine holds the real secrets where the plan has tokens: never show them.
      // It names this machine's addresses where the plan has their token: compare like with like.
      const { current, planned } = maskSecretsForDiff(onMachine, expandMachineAddresses(action.content), options.knownSecrets ?? []);
      if (current === planned) lines.push('    (unchanged)');
      else lines.push('    diff against the file on this machine:', ...lineDiff(current, planned).map((l) => `    ${l}`));
      return lines;
    }
    case 'directory':
      return [`  directory ${action.path}/ (${action.owner}:${action.group} ${action.mode})`];
    case 'command': {
      const guard = action.creates ? ` unless ${action.creates} exists` : action.unless ? ` unless \`${showArgv(action.unless)}\` succeeds` : '';
      const lines = [`  ${action.description}${guard}:`, `    $ ${showArgv(action.argv)}`];
      if (action.env) lines.push(`    env: ${Object.entries(action.env).map(([k, v]) => `${k}=${v}`).join(' ')}`);
      if (action.stdin !== undefined) lines.push('    stdin:', ...indent(action.stdin, '    < '));
      return lines;
    }
    case 'packages':
      return renderPackages(action, options);
    case 'service':
      return [`  service ${action.unit}: enabled and running, restarted when its configuration changes`, ...action.commands.map((argv) => `    $ ${showArgv(argv)}`)];
    case 'task': {
      const lines = [`  ${action.description}`];
      for (const command of action.commands) {
        lines.push(`    $ ${showArgv(command.argv)}${command.when ? `    # ${command.when}` : ''}`);
        if (command.stdin !== undefined) lines.push(...indent(command.stdin, '    < '));
      }
      return lines;
    }
  }
}

/** An argument list shown unambiguously: arguments with spaces or quotes are JSON-quoted. */
export function showArgv(argv: string[]): string {
  return argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : JSON.stringify(arg))).join(' ');
}

function indent(text: string, prefix: string): string[] {
  const lines = text.replace(/\n$/, '').split('\n');
  return lines.map((line) => `${prefix}${line}`.trimEnd());
}
