import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { RunContext } from '../../src/engine/types.js';
import { CommandFailedError } from '../../src/errors.js';
import type { CommandOptions, CommandResult, Executor } from '../../src/exec/executor.js';
import { turnFirewallTask } from '../../steps/coturn/firewall.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

/** A machine with neither ufw nor firewall-cmd installed: spawning them fails (ENOENT). */
class NoFirewallExecutor implements Executor {
  readonly calls: string[][] = [];
  async run(argv: string[], _options: CommandOptions = {}): Promise<CommandResult> {
    this.calls.push(argv);
    if (argv[0] === 'ufw' || argv[0] === 'firewall-cmd') throw new CommandFailedError(argv, -1, [`Command failed with ENOENT: ${argv.join(' ')}`]);
    return { exitCode: 0, stdout: '', stderr: '', durationMs: 0 };
  }
}

it('TURN ports: a machine without ufw or firewalld has nothing to open', async () => {
  const exec = new NoFirewallExecutor();
  const answers = testAnswers();
  answers.turn.enabled = true;
  const ctx = { answers, target: testTarget(), exec, note() {}, warn() {}, emit() {}, signal: new AbortController().signal } as unknown as RunContext;
  const task = turnFirewallTask(answers);
  assert.equal(await task.check(ctx), true);
  assert.deepEqual(exec.calls.map((argv) => argv[0]), ['ufw', 'firewall-cmd']);
});
