import { UsageError } from '../../errors.js';
import type { CliArgs } from '../args.js';

/** `matrix-setup verify`: wired to src/verify once it lands. */
export async function verifyCliCommand(_args: CliArgs): Promise<number> {
  throw new UsageError('`verify` is not available in this build.');
}
