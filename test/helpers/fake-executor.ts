import { CommandFailedError } from '../../src/errors.js';
import type { CommandOptions, CommandResult, Executor } from '../../src/exec/executor.js';

type Reply = { exitCode?: number; stdout?: string };

/**
 * An Executor that runs nothing: replies come from a list of (argv prefix → reply) rules,
 * first match wins; unmatched commands succeed with no output. Every call is recorded.
 */
export class FakeExecutor implements Executor {
  readonly calls: Array<{ argv: string[]; options: CommandOptions }> = [];
  constructor(private readonly rules: Array<[string[], Reply | ((argv: string[]) => Reply)]> = []) {}

  async run(argv: string[], options: CommandOptions = {}): Promise<CommandResult> {
    this.calls.push({ argv, options });
    const rule = this.rules.find(([prefix]) => prefix.every((part, i) => argv[i] === part));
    const reply = rule ? (typeof rule[1] === 'function' ? rule[1](argv) : rule[1]) : {};
    const exitCode = reply.exitCode ?? 0;
    if (!(options.okExitCodes ?? [0]).includes(exitCode)) throw new CommandFailedError(argv, exitCode, []);
    return { exitCode, stdout: reply.stdout ?? '', stderr: '', durationMs: 0 };
  }

  /** The commands that changed something (not probes). */
  changes(): string[][] {
    return this.calls.filter((c) => !c.options.probe).map((c) => c.argv);
  }
}
