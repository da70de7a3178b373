import type { Answers } from '../answers/types.js';
import type { Target } from '../host/target.js';
import type { Executor } from '../exec/executor.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { EngineEvent } from './events.js';

/** What a step's plan is derived from: nothing else, so a plan can be made for any target on any machine. */
export interface PlanInput {
  answers: Answers;
  target: Target;
}

/**
 * Everything a step may touch while it runs on the machine.
 * Steps get the machine only through this, so tests can hand them a fake one.
 */
export interface RunContext extends PlanInput {
  exec: Executor;
  secrets: SecretStore;
  /** Tell the user something about this step (shown by every renderer, kept in the log). */
  note(message: string): void;
  warn(message: string): void;
  emit(event: EngineEvent): void;
  /** Set when a SIGINT/SIGTERM asked the run to stop. */
  signal: AbortSignal;
  /** Where to keep the previous version of a file a task replaces (under the state directory, never beside the file). */
  backupPath(path: string): string;
}

/**
 * A file the step owns. Content may hold secret tokens (see secrets/tokens.ts):
 * plan shows the token, apply writes the value. An existing file that differs
 * is backed up next to itself before it is replaced.
 */
export interface FileAction {
  kind: 'file';
  path: string;
  content: string;
  mode: number;
  owner: string;
  group: string;
  /** Units to restart (or reload) once because this file changed. */
  notify?: string[];
  /**
   * Refuse to replace an existing file that does not satisfy this (for example a
   * homeserver.yaml written for another server_name). Returns the reason to stop, or undefined.
   */
  guard?: (existing: string) => string | undefined;
}

/** A directory that must exist with this owner and mode. */
export interface DirectoryAction {
  kind: 'directory';
  path: string;
  mode: number;
  owner: string;
  group: string;
}

/**
 * One command, as an argument array. It runs only when its guard says it is needed:
 * `unless` is a read-only probe (exit 0: already done), `creates` a path that exists once done.
 * A command with neither runs on every apply, so give one unless the command is itself idempotent.
 */
export interface CommandAction {
  kind: 'command';
  description: string;
  argv: string[];
  stdin?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  unless?: string[];
  creates?: string;
  /** Commands marked idempotent run without a guard and count as no change. */
  idempotent?: boolean;
}

/**
 * Distro packages that must be installed. Every step declares its own; the run installs them
 * all together early on (src/engine/package-transaction.ts) and each step then only checks
 * that its packages are there (installing any that are not).
 */
export interface PackagesAction {
  kind: 'packages';
  manager: 'apt' | 'dnf';
  names: string[];
  /** Read-only checks that must pass before these packages are installed (they refuse, e.g., another server's Synapse). */
  checks?: TaskAction[];
  /** debconf answers, as debconf-set-selections lines ("owner question type value"), set before the owner is installed. */
  debconf?: string;
  /** Repositories this run adds that the packages come from: set up (and kept as planned) before they are installed. */
  repositories?: PackageRepository[];
  /** For an action that installs for several steps: which step wants which packages (shown by plan). */
  from?: Array<{ step: string; names: string[] }>;
}

/** A repository (or module stream) the run adds. Its actions check the machine first, like any other. */
export interface PackageRepository {
  id: string;
  /** As the plan names it: "packages.matrix.org", "CRB and EPEL", "the postgresql:16 module stream". */
  title: string;
  setup: Action[];
}

/** A systemd unit: enabled, running, and restarted (or reloaded) when a file it depends on changed. */
export interface ServiceAction {
  kind: 'service';
  unit: string;
  enable: boolean;
  start: boolean;
  /** What to do when a file with `notify: [unit]` changed. */
  onChange: 'restart' | 'reload';
  /** When starting or restarting fails: an error that explains why (its log, the likely cause). */
  diagnose?(ctx: RunContext): Promise<Error>;
}

/**
 * Work that needs logic beyond a guarded command (querying a database, waiting for a port).
 * `shows` lists the commands it may run, so plan can print them; check and run do the work.
 */
export interface TaskAction {
  kind: 'task';
  description: string;
  shows: Array<{ argv: string[]; stdin?: string; when?: string }>;
  /** Read-only. True when nothing needs doing. */
  check(ctx: RunContext): Promise<boolean>;
  run(ctx: RunContext): Promise<void>;
}

export type Action =
  | FileAction
  | DirectoryAction
  | CommandAction
  | PackagesAction
  | ServiceAction
  | TaskAction;

export interface Step {
  id: string;
  title: string;
  /** Ids of steps that must finish first. */
  needs: string[];
  /** Why the step does not apply to these answers and target; undefined when it does. */
  skip?(input: PlanInput): string | undefined;
  /** The changes this step makes, derived from answers and target only. */
  plan(input: PlanInput): Action[];
  /** Read-only check once the actions are in place; throws a StepError when the result is wrong. */
  verify?(ctx: RunContext): Promise<void>;
}
