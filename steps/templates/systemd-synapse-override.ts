import type { Answers } from '../../src/answers/types.js';
import type { SynapseLayout } from '../synapse/sources.js';

/** A drop-in for the unit a package ships: only what the answers change about it. */
export function synapseUnitOverride(answers: Answers, layout: SynapseLayout): string {
  const unit = answers.database.mode === 'local' ? '[Unit]\nAfter=postgresql.service\n\n' : '';
  return `# Written by matrix-setup: settings for the ${layout.unit} that ${layout.packageName} ships.
${unit}[Service]
LimitNOFILE=${answers.synapse.open_files_limit}
`;
}
