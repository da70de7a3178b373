/**
 * The documented example answers file (examples/answers.yaml), generated from the
 * schema so it always lists every key with its current description.
 */
import { resolveAnswers } from './resolve.js';
import { answersToYaml } from './save.js';

export const EXAMPLE_SCHEMA_REF = '../schema/answers.schema.json';

export function exampleAnswersYaml(): string {
  const answers = resolveAnswers({
    server_name: 'example.org',
    synapse_host: 'matrix.example.org',
    tls: { mode: 'letsencrypt', email: 'admin@example.org' },
    database: { mode: 'local' },
    synapse: { install: 'auto' },
    element: { enabled: true, host: 'element.example.org' },
  });
  return answersToYaml(answers, {
    schemaRef: EXAMPLE_SCHEMA_REF,
    documentAll: true,
    header: [
      'Example answers for matrix-setup: every key, with what it means and its default.',
      'Matrix IDs will look like @alice:example.org; Synapse runs on matrix.example.org',
      '(delegated from example.org), Element Web on element.example.org, with a',
      "Let's Encrypt certificate and PostgreSQL on this machine. Commented-out keys show",
      'options that are not used here. Generated from src/answers/schema.ts.',
      '',
      'Preview: matrix-setup plan --answers answers.yaml',
      'Install: sudo matrix-setup --answers answers.yaml',
    ],
  });
}
