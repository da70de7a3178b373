import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { exampleAnswersYaml } from '../../src/answers/example.js';
import { answersJsonSchema, answersJsonSchemaText } from '../../src/answers/json-schema.js';
import { allValueFields } from '../../src/answers/schema-index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const REGENERATE = 'run `npx tsx scripts/generate-json-schema.ts` and commit the result';

describe('answers: generated files', () => {
  it('schema/answers.schema.json is up to date with src/answers/schema.ts', () => {
    assert.equal(readFileSync(join(ROOT, 'schema', 'answers.schema.json'), 'utf8'), answersJsonSchemaText(), `stale JSON Schema: ${REGENERATE}`);
  });

  it('examples/answers.yaml is up to date with src/answers/schema.ts', () => {
    assert.equal(readFileSync(join(ROOT, 'examples', 'answers.yaml'), 'utf8'), exampleAnswersYaml(), `stale example: ${REGENERATE}`);
  });

  it('the JSON Schema describes every key, closes every object and forbids inline secrets', () => {
    const schema = answersJsonSchema() as { properties: Record<string, { properties?: Record<string, unknown>; additionalProperties?: boolean }>; additionalProperties: boolean; required: string[] };
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual(schema.required, ['version', 'server_name', 'tls'], 'tls: its default mode needs an email');
    for (const [path, field] of allValueFields()) {
      const parts = path.split('.');
      const key = parts.pop()!;
      const section = parts.length ? schema.properties[parts[0]!]! : schema;
      assert.equal(section.additionalProperties, false, `${parts[0]} is closed`);
      const keys = field.type === 'secret' ? [`${key}_file`, `${key}_env`] : [key];
      for (const k of keys) {
        const property = section.properties![k] as { description?: string } | undefined;
        assert.ok(property?.description, `${path}: ${k} is described`);
      }
      if (field.type === 'secret') assert.equal(section.properties![key], undefined, `${path} has no inline form`);
    }
  });

  it('encodes "required when" conditions, honouring defaults', () => {
    const tls = (answersJsonSchema() as { properties: { tls: { allOf: Array<Record<string, unknown>> } } }).properties.tls;
    const text = JSON.stringify(tls.allOf);
    // mode defaults to letsencrypt: an absent mode still requires email.
    assert.ok(text.includes('{"if":{"properties":{"mode":{"const":"letsencrypt"}}},"then":{"allOf":[{"required":["email"]}]}'), text);
    assert.ok(text.includes('{"if":{"properties":{"mode":{"const":"existing"}},"required":["mode"]}'), text);
  });
});
