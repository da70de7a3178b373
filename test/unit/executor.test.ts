import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CommandFailedError, InterruptedError } from '../../src/errors.js';
import { LocalExecutor, splitLines } from '../../src/exec/executor.js';
import { Logger } from '../../src/log/logger.js';

const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-exec-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function executor(signal = new AbortController().signal) {
  const logger = new Logger(join(dir, `${Math.random()}.log`));
  const lines: string[] = [];
  return { exec: new LocalExecutor(logger, signal, { output: (line) => lines.push(line) }), logger, lines };
}

describe('LocalExecutor', () => {
  it('gives children no stdin, a non-interactive UTF-8 environment, and only what it is told', async () => {
    process.env.MATRIX_SETUP_LEAK_TEST = 'leaked';
    const { exec } = executor();
    const result = await exec.run(['sh', '-c', 'cat; echo "$DEBIAN_FRONTEND $LANG ${MATRIX_SETUP_LEAK_TEST:-clean} $EXTRA"'], { env: { EXTRA: 'given' } });
    assert.equal(result.stdout, 'noninteractive C.UTF-8 clean given');
  });

  it('children get the system PATH, not the caller\'s: a planted `id` first in PATH is neither found nor inherited', async () => {
    const planted = join(dir, 'planted-bin');
    mkdirSync(planted, { recursive: true });
    for (const name of ['id', 'systemctl']) {
      writeFileSync(join(planted, name), '#!/bin/sh\necho planted\n');
      chmodSync(join(planted, name), 0o755);
    }
    const previous = process.env.PATH;
    process.env.PATH = `${planted}:${previous}`;
    try {
      const { exec } = executor();
      assert.notEqual((await exec.run(['id', '-u'])).stdout, 'planted', 'the command was looked up in the caller\'s PATH');
      assert.equal((await exec.run(['sh', '-c', 'echo "$PATH"'], { env: { PATH: planted } })).stdout, '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
    } finally {
      process.env.PATH = previous;
    }
  });

  it('feeds stdin when given', async () => {
    const { exec } = executor();
    assert.equal((await exec.run(['cat'], { stdin: 'hello' })).stdout, 'hello');
  });

  it('throws CommandFailedError with the output tail, redacted, and a hint', async () => {
    const { exec, logger } = executor();
    logger.addSecret('s3cr3t-value');
    await assert.rejects(
      exec.run(['sh', '-c', 'echo one; echo "token s3cr3t-value" >&2; exit 3'], { hint: 'try this' }),
      (error: unknown) => {
        assert.ok(error instanceof CommandFailedError);
        assert.equal(error.info.exitCode, 3);
        assert.deepEqual(error.info.outputTail, ['one', 'token ***']);
        assert.equal(error.hint, 'try this');
        return true;
      },
    );
    assert.ok(!readFileSync(logger.file!, 'utf8').includes('s3cr3t-value'));
  });

  it('kills the whole process group on timeout, so it never hangs', async () => {
    const { exec } = executor();
    const started = Date.now();
    await assert.rejects(exec.run(['sh', '-c', 'sleep 60; echo never'], { timeoutMs: 300 }), (error: unknown) => {
      assert.ok(error instanceof CommandFailedError);
      assert.match(error.info.outputTail!.join('\n'), /timed out/);
      return true;
    });
    assert.ok(Date.now() - started < 10_000);
  });

  it('stops the running command when the run is interrupted', async () => {
    const controller = new AbortController();
    const { exec } = executor(controller.signal);
    setTimeout(() => controller.abort(), 200);
    await assert.rejects(exec.run(['sh', '-c', 'sleep 60']), InterruptedError);
  });

  it('streams output lines without ANSI escapes or carriage-return redraws', () => {
    const lines: string[] = [];
    const splitter = splitLines((line) => lines.push(line));
    splitter.push('\u001b[32mgreen\u001b[0m\nprogress 10%\rprogress 100%\npart');
    splitter.push('ial\n');
    splitter.flush();
    assert.deepEqual(lines, ['green', 'progress 100%', 'partial']);
  });
});
