import { connectDatabase } from '../../src/database/connection.js';
import type { RunContext } from '../../src/engine/types.js';
import { synapseConnection } from '../postgres-verify.js';

/** Whether a read-only query finds a row in Synapse's database, connecting as Synapse does. */
export async function synapseRowExists(ctx: RunContext, sql: string, params: unknown[]): Promise<boolean> {
  const client = await connectDatabase(synapseConnection(ctx));
  try {
    const result = await client.query(sql, params);
    return (result.rowCount ?? 0) > 0;
  } finally {
    await client.end().catch(() => {});
  }
}
