import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { LocalExecutor } from '../../src/exec/executor.js';
import { Logger } from '../../src/log/logger.js';
import { createProgressLine } from '../../src/render/progress-line.js';

const exec = new LocalExecutor(new Logger(undefined), new AbortController().signal);

function collector(): { sink: Writable; bytes(): Buffer } {
  const chunks: Buffer[] = [];
  return { sink: new Writable({ write: (chunk: Buffer, _e, cb) => (chunks.push(chunk), cb()) }), bytes: () => Buffer.concat(chunks) };
}

describe('commands with streamed input and output', () => {
  it('binary standard output goes to the stream, untouched and not returned; stderr is still the output tail', async () => {
    const out = collector();
    const result = await exec.run(['sh', '-c', 'printf "\\000\\377binary"; echo note >&2'], { output: out.sink });
    assert.deepEqual(out.bytes(), Buffer.from([0, 255, ...Buffer.from('binary')]));
    assert.equal(result.stdout, '');
  });

  it('standard input comes from a stream larger than any pipe buffer', async () => {
    const result = await exec.run(['wc', '-c'], { input: Readable.from([Buffer.alloc(3_000_000, 1), Buffer.alloc(2_000_000, 2)]) });
    assert.equal(result.stdout.trim(), '5000000');
  });

  it('an output stream that fails (a full disk) stops the command at once and is the error', async () => {
    const full = new Writable({ write: (_chunk, _e, cb) => cb(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })) });
    const started = Date.now();
    await assert.rejects(exec.run(['sh', '-c', 'yes'], { output: full, timeoutMs: 30_000 }), /no space left on device/);
    assert.ok(Date.now() - started < 10_000);
  });

  it('a command that ends before reading all its input fails with its own status', async () => {
    const endless = Readable.from((function* () { for (let i = 0; i < 200; i++) yield Buffer.alloc(1_000_000); })());
    await assert.rejects(exec.run(['sh', '-c', 'head -c 10 > /dev/null; exit 4'], { input: endless }), /exit status 4/);
  });
});

describe('one command stopped on its own', () => {
  it('cancel stops the command (and what it started) without interrupting the run', async () => {
    const cancel = new AbortController();
    const started = Date.now();
    const running = exec.run(['sh', '-c', 'sleep 30 & wait'], { cancel: cancel.signal, timeoutMs: 60_000 });
    setTimeout(() => cancel.abort(), 200);
    await assert.rejects(running, /Command failed/);
    assert.ok(Date.now() - started < 10_000);
    assert.equal((await exec.run(['true'])).exitCode, 0, 'the executor still runs commands');
  });

  it('outputFd: standard output goes straight into an open file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'matrix-setup-fd-')), 'out');
    const fd = openSync(path, 'w');
    const result = await exec.run(['sh', '-c', 'printf dump-bytes; echo a-note >&2'], { outputFd: fd });
    closeSync(fd);
    assert.equal(readFileSync(path, 'utf8'), 'dump-bytes');
    assert.equal(result.stdout, '');
  });
});

describe('the progress line', () => {
  it('redraws in place on a terminal, at most ten times a second, and clears itself', () => {
    const written: string[] = [];
    let now = 1000;
    const tty = { isTTY: true, columns: 40, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
    const line = createProgressLine(tty, () => now);
    line.update('media: 1 of 3 files');
    now += 50;
    line.update('media: 2 of 3 files');
    now += 100;
    line.update(`media: 3 of 3 files ${'x'.repeat(60)}`);
    line.clear();
    assert.deepEqual(written.map((w) => w.replace('\r\u001b[K', '<CR>')), ['<CR>media: 1 of 3 files', `<CR>media: 3 of 3 files ${'x'.repeat(18)}…`, '<CR>']);
  });

  it('writes nothing off a terminal', () => {
    const written: string[] = [];
    const line = createProgressLine({ isTTY: false, write: (t: string) => written.push(t) } as unknown as NodeJS.WriteStream);
    line.update('x');
    line.clear();
    assert.deepEqual(written, []);
  });
});
