import type { Answers } from '../../src/answers/types.js';
import type { SynapseLayout } from '../synapse/sources.js';

/**
 * A drop-in for the unit a package ships: only what the answers change about it (the open
 * files limit and the cache factor are synapse-tuning's, in a drop-in of their own).
 */
export function synapseUnitOverride(answers: Answers, layout: SynapseLayout): string {
  const order =
    answers.database.mode === 'local'
      ? '[Unit]\n# Start after the local database, so Synapse does not fail its first connection at boot.\nAfter=postgresql.service\n'
      : '# Nothing to change for an external database.\n';
  return `# Written by matrix-setup: settings for the ${layout.unit} that ${layout.packageName} ships.\n${order}`;
}
