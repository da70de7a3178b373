import type { Executor } from '../../exec/executor.js';

/** Resolves user and group names to ids with getent (the names may come from packages installed this run). */
export async function lookupId(exec: Executor, database: 'passwd' | 'group', name: string): Promise<number | undefined> {
  if (name === 'root') return 0;
  const result = await exec.run(['getent', database, name], { probe: true, okExitCodes: [0, 2] });
  if (result.exitCode !== 0) return undefined;
  const id = Number.parseInt(result.stdout.split(':')[2] ?? '', 10);
  return Number.isFinite(id) ? id : undefined;
}
