import { readFileSync } from 'node:fs';

/** A JSON file matrix-setup wrote, parsed; undefined when there is none. Any other error is thrown. */
export function readJsonIfPresent<T>(file: string): T | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return JSON.parse(text) as T;
}
