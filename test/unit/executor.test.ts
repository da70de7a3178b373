import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
