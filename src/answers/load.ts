/** Reading an answers file from disk (`--answers FILE`). */
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import type { Answers } from './types.js';
import { validateAnswersDocument } from './validate.js';

/** Larger than any answers file; guards against pointing --answers at a log or an image. */
const MAX_BYTES = 1024 * 1024;

export function loadAnswersFile(path: string): Answers {
  let content: Buffer;
  try {
    content = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new UsageError(
        `Answers file not found: ${path}`,
        'Check the path. To answer the questions interactively instead, run matrix-setup without --answers.',
      );
    }
    if (code === 'EISDIR') throw new UsageError(`The answers file is a directory: ${path}`, 'Pass the path of a YAML file.');
    throw new UsageError(`Cannot read the answers file ${path} (${code ?? String(error)})`, 'Check its permissions; matrix-setup runs as root.');
  }
  if (content.length > MAX_BYTES) {
    throw new UsageError(`The answers file ${path} is ${content.length} bytes; an answers file is a short YAML file.`, 'Check the path.');
  }
  if (content.includes(0)) throw new UsageError(`The answers file ${path} is not a text file.`, 'Check the path.');
  return validateAnswersDocument(content.toString('utf8'), path);
}
