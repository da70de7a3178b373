// Writes schema/answers.schema.json and examples/answers.yaml from src/answers/schema.ts.
// Run after changing the schema: npx tsx scripts/generate-json-schema.ts
// (test/unit/answers-generated.test.ts fails while the committed files are stale).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exampleAnswersYaml } from '../src/answers/example.js';
import { answersJsonSchemaText } from '../src/answers/json-schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputs: Array<[string, string]> = [
  ['schema/answers.schema.json', answersJsonSchemaText()],
  ['examples/answers.yaml', exampleAnswersYaml()],
];
for (const [path, content] of outputs) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
  console.log(`wrote ${path}`);
}
