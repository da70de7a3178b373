import { existsSync } from 'node:fs';
import { loadAnswersFile } from '../../answers/load.js';
import { statePaths } from '../../engine/runner.js';
import type { CliArgs } from '../args.js';
import { DEFAULT_STATE_DIR } from '../paths.js';
import { verifyCommand } from './verify.js';

/** `matrix-setup verify`: with --answers FILE, or the saved answers of the last run when there are any. */
export async function verifyCliCommand(args: CliArgs): Promise<number> {
  const stateDir = args.stateDir ?? DEFAULT_STATE_DIR;
  const saved = statePaths(stateDir).answers;
  const answers = args.answers ? loadAnswersFile(args.answers) : existsSync(saved) ? loadAnswersFile(saved) : undefined;
  return verifyCommand({ serverName: args.serverName, json: args.json, answers, stdout: process.stdout, stateDir });
}
