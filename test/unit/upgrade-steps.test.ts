// The upgrade's Synapse steps against a fake machine: which commands run, and how a package
// install that a killed run left to dpkg is finished.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Answers } from '../../src/answers/types.js';
import type { RunContext, TaskAction } from '../../src/engine/types.js';
import { CommandFailedError } from '../../src/errors.js';
import type { CommandOptions, CommandResult, Executor } from '../../src/exec/executor.js';
import type { SecretStore } from '../../src/secrets/secret-store.js';
import { UPGRADE_RECORD_FORMAT, UpgradeRecordStore, type UpgradeRecord } from '../../steps/upgrade/record.js';
import { synapseVersionStep } from '../../steps/upgrade/synapse-version.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

/** A machine where dpkg was killed mid-install: apt refuses until `dpkg --configure -a` ran. */
class InterruptedDpkg implements Executor {
  readonly runs: string[][] = [];
  configured = false;
  installed = '1.160.0-1';
  async run(argv: string[], options: CommandOptions = {}): Promise<CommandResult> {
    const ok = (stdout = '') => ({ exitCode: 0, stdout, stderr: '', durationMs: 0 });
    if (argv[0] === 'dpkg-query') {
      if (argv[2] === '-f=${db:Status-Status}') return ok(this.configured ? 'installed' : 'half-configured');
      return ok(this.installed);
    }
    if (!options.probe) this.runs.push(argv);
    if (argv[0] === 'dpkg' && argv[1] === '--configure') {
      this.configured = true;
      return ok();
    }
    if (argv[0] === 'apt-get' && !this.configured) {
      throw new CommandFailedError(argv, 100, ["E: dpkg was interrupted, you must manually run 'dpkg --configure -a' to correct the problem."]);
    }
    if (argv[0] === 'apt-get') {
      const last = argv.at(-1)!;
      this.installed = last.endsWith('.deb') ? last.split('_')[1] : last.split('=')[1];
    }
    return ok();
  }
}

function context(exec: Executor, answers: Answers): RunContext & { notes: string[] } {
  const notes: string[] = [];
  return { answers, target: testTarget('debian-unstable'), exec, secrets: {} as SecretStore, note: (m) => notes.push(m), warn: (m) => notes.push(m), emit: () => {}, signal: new AbortController().signal, backupPath: (path) => `/nonexistent/backups${path}`, notes };
}

describe('upgrade-synapse through the package', () => {
  it('finishes what a killed dpkg left, then installs exactly the new version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'upgrade-steps-'));
    try {
      const answers = testAnswers({ synapse: { install: 'distro' } });
      const record: UpgradeRecord = {
        format: UPGRADE_RECORD_FORMAT,
        id: 'x',
        createdAt: '',
        status: 'running',
        synapse: { method: 'distro', packageName: 'matrix-synapse', from: '1.160.0-1', to: '1.161.0-1', fromRelease: '1.160.0', toRelease: '1.161.0' },
        backup: { take: false },
        answersBefore: '',
        answersAfter: '',
      };
      const step = synapseVersionStep(new UpgradeRecordStore(dir, record), 'upgrade');
      const [task] = step.plan({ answers, target: testTarget('debian-unstable') }) as TaskAction[];
      const exec = new InterruptedDpkg();
      const ctx = context(exec, answers);
      assert.equal(await task.check(ctx), false, 'a half-configured package is not installed');
      await task.run(ctx);
      assert.deepEqual(exec.runs.map((argv) => argv.slice(0, 2).join(' ')), ['apt-get install', 'dpkg --configure', 'apt-get install']);
      assert.equal(exec.runs[2].at(-1), 'matrix-synapse=1.161.0-1');
      assert.ok(exec.runs[2].includes('--only-upgrade'));
      assert.match(ctx.notes.join('\n'), /dpkg --configure -a/);
      assert.equal(await task.check(ctx), true);

      const back = synapseVersionStep(new UpgradeRecordStore(dir, { ...record, synapse: { ...record.synapse!, keptPackage: '/kept/matrix-synapse_1.160.0-1_amd64.deb' } }), 'rollback');
      const [down] = back.plan({ answers, target: testTarget('debian-unstable') }) as TaskAction[];
      await down.run(ctx);
      assert.equal(exec.runs.at(-1)!.at(-1), '/kept/matrix-synapse_1.160.0-1_amd64.deb', 'the rollback installs the kept file');
      assert.ok(exec.runs.at(-1)!.includes('--allow-downgrades'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
