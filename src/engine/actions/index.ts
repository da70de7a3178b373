import type { Action, TaskAction } from '../types.js';
import type { ActionEnv, ActionHandler } from './action-env.js';
import { commandHandler } from './command.js';
import { directoryHandler } from './directory.js';
import { fileHandler } from './file.js';
import { packagesHandler } from './packages.js';
import { serviceHandler } from './service.js';

const taskHandler: ActionHandler<TaskAction> = {
  isInPlace: (action, env) => action.check(env.ctx),
  async apply(action, env) {
    await action.run(env.ctx);
    env.changed(action.description);
  },
};

const handlers: { [K in Action['kind']]: ActionHandler<Extract<Action, { kind: K }>> } = {
  file: fileHandler,
  directory: directoryHandler,
  command: commandHandler,
  packages: packagesHandler,
  service: serviceHandler,
  task: taskHandler,
};

export function isInPlace(action: Action, env: ActionEnv): Promise<boolean> {
  return (handlers[action.kind] as ActionHandler<Action>).isInPlace(action, env);
}

export function applyAction(action: Action, env: ActionEnv): Promise<void> {
  return (handlers[action.kind] as ActionHandler<Action>).apply(action, env);
}
