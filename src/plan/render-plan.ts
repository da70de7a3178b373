import { expandMachineAddresses } from '../host/machine-address-token.js';
import type { Target } from '../host/target.js';
import type { PlannedAction } from './planned-action.js';
import type { PlannedStep } from './build-plan.js';
import { lineDiff } from './diff.js';
import { maskSecretsForDiff, type KnownSecret } from './mask-secrets.js';
import type { Lang } from '../i18n/language.js';
import { planText as t } from '../i18n/messages/plan.js';

export interface PlanRenderOptions {
  target: Target;
  /** The language of the words around the commands and files. */
  lang: Lang;
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
  const { lang, target } = options;
  const out: string[] = [];
  const where = { target: target.name, id: target.id, arch: target.arch };
  out.push((options.answersFile ? t.headerFrom({ ...where, file: options.answersFile }) : t.header(where))[lang]);
  out.push(t.nothingChanged[lang]);
  for (const warning of target.warnings) out.push(t.warning({ warning })[lang]);
  const context: RenderContext = { ...options, transactions: transactionSteps(plan) };
  plan.forEach((step, index) => {
    out.push('');
    const number = `[${index + 1}/${plan.length}]`;
    if (step.skip) {
      out.push(`${number} ${step.id}: ${t.skipped({ title: step.title, reason: step.skip })[lang]}`);
      return;
    }
    out.push(`${number} ${step.id}: ${step.title[lang]}${step.needs.length ? t.after({ steps: step.needs.join(', ') })[lang] : ''}${sinceLastRun(step, options)}`);
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
  const { lang } = context;
  const packages = t.packages({ manager: action.manager, names: action.names.join(' ') })[lang];
  const installer = action.from ? undefined : context.transactions.get(action.names[0]!);
  if (installer && action.names.every((name) => context.transactions.get(name) === installer)) {
    const source = action.repositories?.length ? t.fromRepositories({ repositories: action.repositories.map((r) => r.title[lang]).join(', ') })[lang] : '';
    return [`  ${packages}${source}${t.installedByStep({ step: installer })[lang]}`];
  }
  const lines = [`  ${packages}`];
  for (const { step, names } of action.from ?? []) lines.push(`    ${t.forStep({ step, names: names.join(' ') })[lang]}`);
  for (const check of action.checks ?? []) lines.push(`    ${t.checkedFirst({ check })[lang]}`);
  for (const repository of action.repositories ?? []) {
    lines.push(`    ${t.repositoryFirst({ repository: repository.title })[lang]}`);
    for (const setup of repository.actions) lines.push(...renderAction(setup, context).map((line) => `    ${line}`));
  }
  for (const [index, argv] of action.commands.entries()) {
    lines.push(`    $ ${showArgv(argv)}${index === 0 ? `    # ${t.oncePerRun[lang]}` : ''}`);
    if (argv[0] === 'debconf-set-selections' && action.debconf !== undefined) lines.push(...indent(action.debconf, '    < '));
  }
  return lines;
}

function sinceLastRun(step: PlannedStep, options: PlanRenderOptions): string {
  if (!options.lastRun) return '';
  const last = options.lastRun(step.id);
  const note = last === undefined ? t.notDoneLastRun : last === step.inputHash ? t.sameAsLastRun : t.differsFromLastRun;
  return `\n  ${note[options.lang]}`;
}

function renderAction(action: PlannedAction, options: RenderContext): string[] {
  const { lang } = options;
  switch (action.kind) {
    case 'file': {
      const restart = action.notify ? t.thenRestart({ units: action.notify.join(', ') })[lang] : '';
      const lines = [`  ${t.file({ path: action.path, owner: action.owner, group: action.group, mode: action.mode })[lang]}${restart}`];
      const onMachine = options.currentContent?.(action.path);
      if (onMachine === undefined) {
        lines.push(...indent(action.content, '    | '));
        return lines;
      }
      // The file on the machine holds the real secrets where the plan has tokens: never show them.
      // It names this machine's addresses where the plan has their token: compare like with like.
      const { current, planned } = maskSecretsForDiff(onMachine, expandMachineAddresses(action.content), options.knownSecrets ?? []);
      if (current === planned) lines.push(`    ${t.unchanged[lang]}`);
      else lines.push(`    ${t.diffAgainstMachine[lang]}`, ...lineDiff(current, planned).map((l) => `    ${l}`));
      return lines;
    }
    case 'directory':
      return [`  ${t.directory({ path: action.path, owner: action.owner, group: action.group, mode: action.mode })[lang]}`];
    case 'command': {
      const guard = action.creates ? t.unlessExists({ path: action.creates })[lang] : action.unless ? t.unlessSucceeds({ command: showArgv(action.unless) })[lang] : '';
      const lines = [`  ${action.description[lang]}${guard}:`, `    $ ${showArgv(action.argv)}`];
      if (action.env) lines.push(`    env: ${Object.entries(action.env).map(([k, v]) => `${k}=${v}`).join(' ')}`);
      if (action.stdin !== undefined) lines.push('    stdin:', ...indent(action.stdin, '    < '));
      return lines;
    }
    case 'packages':
      return renderPackages(action, options);
    case 'service':
      return [`  ${t.service({ unit: action.unit })[lang]}`, ...action.commands.map((argv) => `    $ ${showArgv(argv)}`)];
    case 'task': {
      const lines = [`  ${action.description[lang]}`];
      for (const command of action.commands) {
        lines.push(`    $ ${showArgv(command.argv)}${command.when ? `    # ${command.when[lang]}` : ''}`);
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
