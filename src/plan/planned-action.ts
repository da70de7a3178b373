import { DEBCONF_SET_SELECTIONS, installCommand, refreshCommand } from '../engine/actions/packages.js';
import { serviceCommands } from '../engine/actions/service.js';
import type { Action } from '../engine/types.js';

/** An action as `plan` shows it: plain data, every command as an argument array, secrets as tokens. */
export type PlannedAction =
  | { kind: 'file'; path: string; owner: string; group: string; mode: string; content: string; notify?: string[] }
  | { kind: 'directory'; path: string; owner: string; group: string; mode: string }
  | { kind: 'command'; description: string; argv: string[]; stdin?: string; env?: Record<string, string>; unless?: string[]; creates?: string }
  | {
      kind: 'packages';
      manager: 'apt' | 'dnf';
      names: string[];
      /** Refresh, debconf answers (stdin: `debconf`), install. */
      commands: string[][];
      debconf?: string;
      /** Descriptions of the checks that must pass before anything is installed. */
      checks?: string[];
      repositories?: Array<{ id: string; title: string; actions: PlannedAction[] }>;
      from?: Array<{ step: string; names: string[] }>;
    }
  | { kind: 'service'; unit: string; commands: string[][] }
  | { kind: 'task'; description: string; commands: Array<{ argv: string[]; stdin?: string; when?: string }> };

export function describeAction(action: Action): PlannedAction {
  switch (action.kind) {
    case 'file':
      return {
        kind: 'file',
        path: action.path,
        owner: action.owner,
        group: action.group,
        mode: octal(action.mode),
        content: action.content,
        ...(action.notify?.length ? { notify: action.notify } : {}),
      };
    case 'directory':
      return { kind: 'directory', path: action.path, owner: action.owner, group: action.group, mode: octal(action.mode) };
    case 'command':
      return {
        kind: 'command',
        description: action.description,
        argv: action.argv,
        ...(action.stdin !== undefined ? { stdin: action.stdin } : {}),
        ...(action.env ? { env: action.env } : {}),
        ...(action.unless ? { unless: action.unless } : {}),
        ...(action.creates ? { creates: action.creates } : {}),
      };
    case 'packages':
      return {
        kind: 'packages',
        manager: action.manager,
        names: action.names,
        commands: [refreshCommand(action.manager), ...(action.debconf ? [DEBCONF_SET_SELECTIONS] : []), installCommand(action.manager, action.names)],
        ...(action.debconf ? { debconf: action.debconf } : {}),
        ...(action.checks?.length ? { checks: action.checks.map((check) => check.description) } : {}),
        ...(action.repositories?.length
          ? { repositories: action.repositories.map((r) => ({ id: r.id, title: r.title, actions: r.setup.map(describeAction) })) }
          : {}),
        ...(action.from ? { from: action.from } : {}),
      };
    case 'service':
      return { kind: 'service', unit: action.unit, commands: serviceCommands(action) };
    case 'task':
      return { kind: 'task', description: action.description, commands: action.shows };
  }
}

/** The actions and, within packages actions, the actions that set up their repositories. */
export function withRepositoryActions(actions: PlannedAction[]): PlannedAction[] {
  return actions.flatMap((action) => [action, ...(action.kind === 'packages' ? withRepositoryActions((action.repositories ?? []).flatMap((r) => r.actions)) : [])]);
}

function octal(mode: number): string {
  return `0${mode.toString(8)}`;
}
