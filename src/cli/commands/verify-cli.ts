import { existsSync, readFileSync } from 'node:fs';
import { loadAnswersFile } from '../../answers/load.js';
import { statePaths } from '../../engine/runner.js';
import { UsageError } from '../../errors.js';
import type { CliArgs } from '../args.js';
import { DEFAULT_STATE_DIR } from '../paths.js';
import { verifyCommand } from './verify.js';

/** `matrix-setup verify`: with --answers FILE, or the saved answers of the last run when there are any. */
export async function verifyCliCommand(args: CliArgs): Promise<number> {
  const stateDir = args.stateDir ?? DEFAULT_STATE_DIR;
  const saved = statePaths(stateDir).answers;
  const answers = args.answers ? loadAnswersFile(args.answers) : existsSync(saved) ? loadAnswersFile(saved) : undefined;
  const overrides = args.ca ? { ca: readCaFile(args.ca) } : {};
  return verifyCommand({ serverName: args.serverName, json: args.json, answers, stdout: process.stdout, stateDir, overrides });
}

/** --ca FILE: PEM certificates, checked before anything is requested (exit 2 when unusable). */
export function readCaFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--ca ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)}).`, 'Give the PEM file of the CA that issued the server\'s certificate.');
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    throw new UsageError(`--ca ${path}: no PEM certificate in it (no "-----BEGIN CERTIFICATE-----" line).`, 'Give the PEM file of the CA that issued the server\'s certificate.');
  }
  return text;
}
