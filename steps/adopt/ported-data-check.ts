import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connectDatabase } from '../../src/database/connection.js';
import type { RunContext, Step } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';
import { synapseConnection } from '../postgres-verify.js';
import { PORT_COPY, PORT_RECORD } from './sqlite-port.js';

/** Tables compared between the ported copy and PostgreSQL (the port tool copies them whole). */
const TABLES = ['users', 'rooms', 'events', 'local_media_repository'] as const;

const COUNT_PY = `
import json, sqlite3, sys, urllib.parse
db = sqlite3.connect('file:' + urllib.parse.quote(sys.argv[1]) + '?mode=ro&immutable=1', uri=True)
print(json.dumps({t: db.execute('SELECT count(*) FROM ' + t).fetchone()[0] for t in sys.argv[2:]}))
`;
import { adoptStepText as t } from '../../src/i18n/messages/steps-adopt.js';
import { fromLanguages } from '../../src/i18n/localized.js';

/**
 * After Synapse started on PostgreSQL: the accounts, rooms, events and media records of the
 * SQLite copy are all there. Read-only; nothing to do when the server was on PostgreSQL already.
 */
export const portedDataCheckStep: Step = {
  id: 'adopt-ported-data',
  title: t.portedDataTitle,
  needs: ['synapse-service', 'adopt-sqlite-port'],
  plan: () => [],
  async verify(ctx) {
    if (!existsSync(PORT_RECORD) || !existsSync(PORT_COPY)) return;
    const before = JSON.parse(execFileSync('python3', ['-I', '-c', COUNT_PY, PORT_COPY, ...TABLES], { encoding: 'utf8', timeout: 600_000 })) as Record<string, number>;
    const after = await postgresCounts(ctx);
    // Accounts are never deleted (only deactivated): PostgreSQL must have at least those of the copy.
    if (after.users < before.users) {
      throw new StepError(t.fewerAccounts({ after: after.users, before: before.users }), {
        hint: t.fewerAccountsHint,
      });
    }
    // Table names are Synapse's: "12 users" in English, "users: 12" in other languages.
    const counts = fromLanguages((lang) => TABLES.map((table) => (lang === 'en' ? `${after[table]} ${table.replace(/_/g, ' ')}` : `${table}: ${after[table]}`)).join(', '));
    ctx.note(t.portedCounts({ counts, before: TABLES.map((table) => before[table]).join(', ') }));
  },
};

async function postgresCounts(ctx: RunContext): Promise<Record<string, number>> {
  const client = await connectDatabase(synapseConnection(ctx));
  try {
    const counts: Record<string, number> = {};
    for (const table of TABLES) counts[table] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    return counts;
  } finally {
    await client.end().catch(() => {});
  }
}
