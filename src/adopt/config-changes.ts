import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { replaceSecretTokens, type SecretName } from '../secrets/tokens.js';

export interface ConfigChange {
  key: string;
  kind: 'added' | 'changed';
}

/**
 * Which of Synapse's effective settings matrix-setup's drop-in changes: its keys are compared
 * with the values Synapse has now, the drop-in's secrets taken as kept (adopt keeps the
 * server's own). Unchanged keys are left out.
 */
export function configChanges(merged: Record<string, unknown>, dropInText: string, kept: Partial<Record<SecretName, string>>): ConfigChange[] {
  const text = replaceSecretTokens(dropInText, (name) => kept[name] ?? `<new ${name}>`);
  const dropIn = (parse(text, { version: '1.1' }) ?? {}) as Record<string, unknown>;
  const changes: ConfigChange[] = [];
  for (const [key, value] of Object.entries(dropIn)) {
    if (!(key in merged)) changes.push({ key, kind: 'added' });
    else if (!isDeepStrictEqual(normalise(key, merged[key]), normalise(key, value))) changes.push({ key, kind: 'changed' });
  }
  return changes;
}

/** Spellings Synapse reads the same way. */
function normalise(key: string, value: unknown): unknown {
  if (key === 'public_baseurl' && typeof value === 'string') return value.endsWith('/') ? value : `${value}/`;
  return typeof value === 'string' ? value.trimEnd() : value;
}
