// loadDump with stand-ins for pg_restore and psql (small shell scripts): what psql is sent, and
// that a failure on either side ends both without a hang and without a COMMIT.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { LocalExecutor } from '../../src/exec/executor.js';
import { Logger } from '../../src/log/logger.js';
import { loadDump, LOAD_EPILOGUE } from '../../steps/restore/load-dump.js';

const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-load-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const exec = new LocalExecutor(new Logger(undefined), new AbortController().signal);
const received = join(dir, 'psql-stdin.sql');
/** psql: keeps what it is sent. */
const recordingPsql = ['sh', '-c', `cat > '${received}'`];
/** pg_restore: turns its input into "SQL" (upper case), a lot of it. */
const converter = ['sh', '-c', 'tr a-z A-Z'];
const dump = () => Readable.from([Buffer.from('create table events;\n'), Buffer.from('copy events;\n'.repeat(50_000))]);

describe('loading a dump in one transaction', () => {
  it('sends BEGIN, the converted dump, then the epilogue with the COMMIT, once the dump checked out', async () => {
    let verified = false;
    await loadDump(exec, { dump: dump(), verifyDump: () => (verified = true), psql: { argv: recordingPsql }, hint: '', pgRestoreArgv: converter });
    const sql = readFileSync(received, 'utf8');
    assert.ok(verified);
    assert.match(sql, /^BEGIN;\nSET ROLE :"role_name";\nCREATE TABLE EVENTS;\nCOPY EVENTS;\n/);
    assert.ok(sql.endsWith(`COPY EVENTS;\n${LOAD_EPILOGUE}`));
    assert.match(LOAD_EPILOGUE, /TRUNCATE e2e_one_time_keys_json;\nCOMMENT ON DATABASE :"db_name" IS :'restore_marker';\nCOMMIT;/);
  });

  it('a dump that no longer matches its checksum is never committed', async () => {
    await assert.rejects(
      loadDump(exec, { dump: dump(), verifyDump: () => { throw new Error('changed since it was checked'); }, psql: { argv: recordingPsql }, hint: '', pgRestoreArgv: converter }),
      /changed since it was checked/,
    );
    assert.doesNotMatch(readFileSync(received, 'utf8'), /COMMIT/);
  });

  it('pg_restore failing: psql gets no COMMIT, and the error is pg_restore\'s', async () => {
    const failing = ['sh', '-c', 'head -c 100; echo "pg_restore: error: unsupported version (1.16) in file header" >&2; exit 1'];
    await assert.rejects(
      loadDump(exec, { dump: dump(), verifyDump: () => {}, psql: { argv: recordingPsql }, hint: '', pgRestoreArgv: failing }),
      (error: Error & { info?: { outputTail?: string[] } }) => /exit status 1: sh/.test(error.message) && /unsupported version/.test(error.info?.outputTail?.join('\n') ?? ''),
    );
    assert.doesNotMatch(readFileSync(received, 'utf8'), /COMMIT/);
  });

  it('psql stopping early (an SQL error) stops pg_restore too, and its error is the one reported', async () => {
    const stoppingPsql = ['sh', '-c', 'head -c 1000 > /dev/null; echo "ERROR:  relation \\"events\\" already exists" >&2; exit 3'];
    const endless = ['sh', '-c', 'yes "copy events;"'];
    const started = Date.now();
    await assert.rejects(
      loadDump(exec, { dump: dump(), verifyDump: () => {}, psql: { argv: stoppingPsql }, hint: '', pgRestoreArgv: endless }),
      (error: Error & { info?: { outputTail?: string[] } }) => /exit status 3/.test(error.message) && /already exists/.test(error.info?.outputTail?.join('\n') ?? ''),
    );
    assert.ok(Date.now() - started < 20_000, 'no hang on a pipe nobody reads');
  });
});
