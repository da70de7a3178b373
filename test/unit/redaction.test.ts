// Secrets never reach the log, the screen or state.json, in whatever form a program prints
// them: split across output chunks, JSON-escaped, URL-encoded, base64-encoded, short when the
// user chose them, in the error tail a step reads itself (a journal, nginx -t), or as the
// SCRAM verifier psql returns.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { EngineEvent } from '../../src/engine/events.js';
import { runInstall } from '../../src/engine/runner.js';
import type { Step } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';
import { LocalExecutor, splitLines } from '../../src/exec/executor.js';
import { Logger } from '../../src/log/logger.js';
import { postgresDatabaseStep } from '../../steps/postgres-database.js';
import type { RunContext, TaskAction } from '../../src/engine/types.js';
import { FakeExecutor } from '../helpers/fake-executor.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-redaction-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const SECRET = 'pä$s wörd+/="1';

function loggerWith(secret = SECRET, userGiven = true): Logger {
  const logger = new Logger(undefined);
  logger.addSecret(secret, { userGiven });
  return logger;
}

/** Every base64-looking run in the text, decoded, must not hold the secret. */
function assertNoBase64Of(text: string, secret: string): void {
  for (const token of text.match(/[A-Za-z0-9+/_-]{8,}={0,2}/g) ?? []) {
    for (const decoded of [Buffer.from(token, 'base64').toString('utf8'), Buffer.from(token, 'base64url').toString('utf8')]) {
      assert.ok(!decoded.includes(secret), `base64 of the secret survives in ${text}`);
    }
  }
}

describe('redaction: the forms a secret takes', () => {
  it('as is, and JSON-escaped (JavaScript and Python style)', () => {
    const logger = loggerWith();
    for (const text of [
      `password=${SECRET}`,
      JSON.stringify({ password: SECRET }),
      JSON.stringify({ password: SECRET }).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    ]) {
      const out = logger.redact(text);
      assert.match(out, /\*\*\*/, text);
      assert.ok(!out.includes('wörd') && !out.includes('w\\u00f6rd'), `${text} -> ${out}`);
    }
  });

  it('URL-encoded: percent-encoding with upper- or lower-case hex, and form encoding', () => {
    const logger = loggerWith();
    const upper = encodeURIComponent(SECRET);
    for (const encoded of [upper, upper.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()), upper.replace(/%20/g, '+')]) {
      const out = logger.redact(`postgresql://synapse_user:${encoded}@db.example.org/synapse`);
      assert.equal(out, 'postgresql://synapse_user:***@db.example.org/synapse', encoded);
    }
  });

  it('base64 at any alignment, as inside an Authorization: Basic header', () => {
    const logger = loggerWith();
    for (const prefix of ['', 'a', 'ab', 'admin:', 'user12:']) {
      for (const encoding of ['base64', 'base64url'] as const) {
        const header = `Authorization: Basic ${Buffer.from(`${prefix}${SECRET}`).toString(encoding)}`;
        const out = logger.redact(header);
        assert.notEqual(out, header, `${prefix}|${encoding}`);
        assertNoBase64Of(out, SECRET);
      }
    }
  });

  it('a short password the user chose is redacted; a short generated value is not (it would hide ordinary words)', () => {
    assert.equal(loggerWith('abc12', true).redact('login with abc12 failed'), 'login with *** failed');
    assert.equal(loggerWith('abc12', false).redact('login with abc12 failed'), 'login with abc12 failed');
  });

  it('a multi-byte character split across two output chunks is still one character, so the secret matches', () => {
    const logger = loggerWith();
    const bytes = Buffer.from(`error: password ${SECRET} rejected\n`, 'utf8');
    const split = bytes.indexOf(Buffer.from('ö', 'utf8')) + 1; // inside the two bytes of ö
    const lines: string[] = [];
    const splitter = splitLines((line) => lines.push(logger.redact(line)));
    splitter.push(bytes.subarray(0, split));
    splitter.push(bytes.subarray(split));
    splitter.flush();
    assert.deepEqual(lines, ['error: password *** rejected']);
  });

  it('through a real command whose output arrives in two writes, split inside a character', async () => {
    const logFile = join(dir, 'split.log');
    const logger = new Logger(logFile);
    logger.addSecret(SECRET, { userGiven: true });
    const bytes = Buffer.from(`password ${SECRET}\n`, 'utf8');
    const split = bytes.indexOf(Buffer.from('ä', 'utf8')) + 1;
    const script = `const b = Buffer.from(${JSON.stringify(bytes.toString('base64'))}, 'base64'); process.stdout.write(b.subarray(0, ${split})); setTimeout(() => process.stdout.write(b.subarray(${split})), 200);`;
    const shown: string[] = [];
    const exec = new LocalExecutor(logger, new AbortController().signal, { output: (line) => shown.push(line) });
    await exec.run([process.execPath, '-e', script]);
    assert.deepEqual(shown, ['password ***']);
    const log = readFileSync(logFile, 'utf8');
    assert.ok(!log.includes('wörd') && !log.includes('\ufffd'), log);
  });
});

describe('redaction: error tails and secret output', () => {
  it("an error tail a step read itself (a journal) reaches neither the events, the outcome nor state.json", async () => {
    const stateDir = join(dir, 'state');
    const logFile = join(dir, 'tail.log');
    process.env.MATRIX_SETUP_TEST_SMTP_PASSWORD = 'hunter2';
    try {
      const failing: Step = {
        id: 'journal-tail',
        title: 'A service that fails and prints its config',
        needs: [],
        plan: () => [
          {
            kind: 'task',
            description: 'start it',
            shows: [],
            check: async () => false,
            async run(ctx) {
              const password = ctx.secrets.get('smtp_password');
              throw new StepError(`smtp login failed for ${password}`, {
                hint: `check ${encodeURIComponent(password)}`,
                outputTail: [`journal: smtp_pass: ${password}`, `journal: {"pass": ${JSON.stringify(password)}}`],
              });
            },
          },
        ],
      };
      const events: EngineEvent[] = [];
      const outcome = await runInstall({
        answers: testAnswers({ email: { enabled: true, smtp_host: 'smtp.example.org', smtp_user: 'u', smtp_password: { env: 'MATRIX_SETUP_TEST_SMTP_PASSWORD' } } }),
        target: testTarget(),
        steps: [failing],
        paths: { stateDir, logFile },
        onEvent: (event) => events.push(event),
        signal: new AbortController().signal,
      });
      assert.equal(outcome.status, 'failed');
      const everywhere = [JSON.stringify(outcome.error), JSON.stringify(events), readFileSync(join(stateDir, 'state.json'), 'utf8'), readFileSync(logFile, 'utf8')];
      for (const text of everywhere) assert.ok(!text.includes('hunter2'), text);
      assert.deepEqual(outcome.error?.outputTail, ['journal: smtp_pass: ***', 'journal: {"pass": "***"}']);
    } finally {
      delete process.env.MATRIX_SETUP_TEST_SMTP_PASSWORD;
    }
  });

  it('output marked secret is returned to the caller but never logged or shown', async () => {
    const logFile = join(dir, 'secret-output.log');
    const shown: string[] = [];
    const exec = new LocalExecutor(new Logger(logFile), new AbortController().signal, { output: (line) => shown.push(line) });
    const verifier = 'SCRAM-SHA-256$4096:c2FsdA==$c3RvcmVk:c2VydmVy';
    const encoded = Buffer.from(verifier).toString('hex');
    const result = await exec.run([process.execPath, '-e', `console.log(Buffer.from('${encoded}', 'hex').toString())`], { secretOutput: true });
    assert.equal(result.stdout, verifier);
    assert.deepEqual(shown, []);
    const log = readFileSync(logFile, 'utf8');
    assert.doesNotMatch(log, /SCRAM-SHA-256\$/);
    assert.match(log, /1 line of output not logged: it holds a secret/);
  });

  it("the psql probe reading the role's stored verifier marks its output secret", async () => {
    const exec = new FakeExecutor();
    const run = exec.run.bind(exec);
    exec.run = async (argv, options = {}) => {
      if (options.stdin?.startsWith('SELECT json_build_object')) {
        await run(argv, options);
        return { exitCode: 0, stdout: JSON.stringify({ version: 160000, superuser: true, role: { login: true }, database: null }), stderr: '', durationMs: 0 };
      }
      if (options.stdin?.includes('rolpassword')) {
        await run(argv, options);
        return { exitCode: 0, stdout: 'SCRAM-SHA-256$4096:c2FsdA==$c3RvcmVk:c2VydmVy', stderr: '', durationMs: 0 };
      }
      return run(argv, options);
    };
    const ctx = {
      answers: testAnswers(),
      target: testTarget(),
      exec,
      secrets: { get: () => 'the database password' },
      note() {},
      warn() {},
      emit() {},
      signal: new AbortController().signal,
    } as unknown as RunContext;
    const task = postgresDatabaseStep.plan({ answers: ctx.answers, target: ctx.target }).find((a) => a.kind === 'task') as TaskAction;
    await task.check(ctx);
    const probe = exec.calls.find((call) => call.options.stdin?.includes('rolpassword'));
    assert.ok(probe, 'the verifier was not read');
    assert.equal(probe.options.secretOutput, true);
  });
});
