/** Reading an answers file from disk (`--answers FILE`). */
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import type { Answers } from './types.js';
import { validateAnswersDocument } from './validate.js';
import { answerText as t } from '../i18n/messages/answers.js';

/** Larger than any answers file; guards against pointing --answers at a log or an image. */
const MAX_BYTES = 1024 * 1024;

export function loadAnswersFile(path: string): Answers {
  let content: Buffer;
  try {
    content = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new UsageError(t.notFound({ path }), t.notFoundHint);
    }
    if (code === 'EISDIR') throw new UsageError(t.isDirectory({ path }), t.isDirectoryHint);
    throw new UsageError(t.unreadable({ path, error: code ?? String(error) }), t.unreadableHint);
  }
  if (content.length > MAX_BYTES) throw new UsageError(t.tooLarge({ path, bytes: content.length }), t.checkPath);
  if (content.includes(0)) throw new UsageError(t.notText({ path }), t.checkPath);
  return validateAnswersDocument(content.toString('utf8'), path);
}
