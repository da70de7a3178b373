import { UsageError } from '../../errors.js';
import type { CliArgs } from '../args.js';

/** `matrix-setup` on a terminal without --answers: the interactive wizard. */
export async function wizardCommand(_args: CliArgs): Promise<number> {
  throw new UsageError(
    'The interactive wizard is not available in this build.',
    'Copy examples/answers.yaml, fill it in, and run `matrix-setup --answers FILE`.',
  );
}
