import type { PackagesAction, PlanInput, Step, TaskAction } from './types.js';

export const PACKAGES_STEP = 'packages';
export const REPOSITORY_PACKAGES_STEP = 'repository-packages';

/**
 * The steps with two package transactions added right after preflight: every distribution
 * package the other steps need from the repositories already configured, in one install;
 * then, in one more, those from repositories the run adds (packages.matrix.org, CRB and EPEL,
 * a PostgreSQL module stream), after setting them up. One apt or dnf transaction resolves,
 * downloads and configures once (a fresh install with six separate ones took 20% longer).
 * Each step still declares its own packages and checks them when it runs; a step skipped for
 * these answers adds nothing. A transaction with nothing to install is skipped.
 */
export function withPackageTransactions(steps: Step[]): Step[] {
  const at = steps.findIndex((step) => step.id === 'preflight') + 1;
  const after = at > 0 ? ['preflight'] : [];
  const transactions: Step[] = [
    {
      id: PACKAGES_STEP,
      title: 'Install the packages (one transaction)',
      needs: after,
      skip: (input) => (wanted(steps, input, false).length === 0 ? 'no step needs a package from the configured repositories' : undefined),
      plan: (input) => [combine(wanted(steps, input, false))],
    },
    {
      id: REPOSITORY_PACKAGES_STEP,
      title: 'Install the packages from added repositories (one transaction)',
      needs: [PACKAGES_STEP],
      skip: (input) => (wanted(steps, input, true).length === 0 ? 'no package comes from a repository this run adds' : undefined),
      plan: (input) => [combine(wanted(steps, input, true))],
    },
  ];
  return [...steps.slice(0, at), ...transactions, ...steps.slice(at)];
}

interface Wanted {
  step: string;
  action: PackagesAction;
}

/** The packages actions of the steps that apply to these answers, those from added repositories or the others. */
function wanted(steps: Step[], input: PlanInput, fromAddedRepositories: boolean): Wanted[] {
  const found: Wanted[] = [];
  for (const step of steps) {
    if (step.skip?.(input)) continue;
    for (const action of step.plan(input)) {
      if (action.kind === 'packages' && (action.repositories?.length ?? 0) > 0 === fromAddedRepositories) found.push({ step: step.id, action });
    }
  }
  return found;
}

/** One packages action for all of them: names, checks and repositories once each, debconf answers joined. */
function combine(wanted: Wanted[]): PackagesAction {
  const managers = new Set(wanted.map((w) => w.action.manager));
  if (managers.size !== 1) throw new Error(`One transaction cannot mix package managers (${[...managers].join(', ')}).`);
  const names: string[] = [];
  const checks = new Map<string, TaskAction>();
  const repositories = new Map<string, NonNullable<PackagesAction['repositories']>[number]>();
  const debconf: string[] = [];
  for (const { action } of wanted) {
    for (const name of action.names) if (!names.includes(name)) names.push(name);
    for (const check of action.checks ?? []) if (!checks.has(check.description)) checks.set(check.description, check);
    for (const repository of action.repositories ?? []) if (!repositories.has(repository.id)) repositories.set(repository.id, repository);
    if (action.debconf) debconf.push(action.debconf.replace(/\n?$/, '\n'));
  }
  return {
    kind: 'packages',
    manager: wanted[0].action.manager,
    names,
    ...(checks.size > 0 ? { checks: [...checks.values()] } : {}),
    ...(debconf.length > 0 ? { debconf: debconf.join('') } : {}),
    ...(repositories.size > 0 ? { repositories: [...repositories.values()] } : {}),
    from: wanted.map(({ step, action }) => ({ step, names: action.names })),
  };
}
