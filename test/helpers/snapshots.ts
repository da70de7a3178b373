import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

/** Compares with a golden file; `npm run snapshots:update` (UPDATE_SNAPSHOTS=1) rewrites it. */
export function matchSnapshot(file: string, actual: string): void {
  if (UPDATE || !existsSync(file)) {
    if (!UPDATE && process.env.CI) assert.fail(`missing snapshot ${file}: run \`npm run snapshots:update\` and commit it`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `${file} differs; if the change is intended run \`npm run snapshots:update\` and review the diff`);
}
