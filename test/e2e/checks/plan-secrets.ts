// On an installed server, the "safe first look" stays safe: `matrix-setup plan` with the saved
// answers diffs against the installed files (which hold the real secrets), `plan --json`, and
// every run log must contain none of the values kept in secrets.yaml.
import assert from 'node:assert/strict';
import { parse } from 'yaml';

/** What the check needs from the machine (a booted container fits). */
export interface Machine {
  exec(argv: string[], options?: { okExitCodes?: number[]; timeoutMs?: number }): Promise<{ exitCode: number; stdout: string; stderr: string }>;
  readFile(path: string): string;
}

export interface PlanSecretsOptions {
  /** The matrix-setup command as installed. */
  command?: string;
  stateDir?: string;
  logDir?: string;
}

export interface PlanSecretsFindings {
  /** How many secret values were looked for. */
  secrets: number;
  /** Files the diff showed as unchanged although they hold secrets. */
  unchangedSecretFiles: string[];
  logs: number;
}

const SECRET_FILES = ['/etc/matrix-synapse/conf.d/zz-matrix-setup.yaml', '/etc/turnserver.conf', '/etc/matrix-synapse/conf.d/matrix-setup-turn.yaml'];

export async function checkPlanHidesSecrets(machine: Machine, options: PlanSecretsOptions = {}): Promise<PlanSecretsFindings> {
  const command = options.command ?? '/usr/local/bin/matrix-setup';
  const stateDir = options.stateDir ?? '/var/lib/matrix-setup';
  const logDir = options.logDir ?? '/var/log/matrix-setup';
  const values = Object.values((parse(machine.readFile(`${stateDir}/secrets.yaml`)) ?? {}) as Record<string, string>).filter(Boolean);
  assert.ok(values.length >= 4, `secrets.yaml holds only ${values.length} values`);
  const assertClean = (what: string, text: string) => {
    for (const value of values) assert.ok(!text.includes(value), `${what} shows a secret from secrets.yaml`);
  };

  const diff = await machine.exec([command, 'plan', '--answers', `${stateDir}/answers.yaml`], { timeoutMs: 120_000 });
  assert.match(diff.stdout, /\(unchanged\)|diff against the file on this machine/, 'plan did not compare with the files on this machine');
  assertClean('plan (diff against the installed files)', diff.stdout + diff.stderr);
  const unchangedSecretFiles = SECRET_FILES.filter((path) => new RegExp(`file ${path.replace(/\./g, '\\.')} [^\\n]*\\n {4}\\(unchanged\\)`).test(diff.stdout));

  const json = await machine.exec([command, 'plan', '--answers', `${stateDir}/answers.yaml`, '--json'], { timeoutMs: 120_000 });
  JSON.parse(json.stdout);
  assertClean('plan --json', json.stdout + json.stderr);

  const logs = (await machine.exec(['sh', '-c', `ls ${logDir}/*.log`])).stdout.split('\n').filter(Boolean);
  assert.ok(logs.length > 0, `no run log in ${logDir}`);
  for (const log of logs) assertClean(log, machine.readFile(log));
  assertClean('state.json', machine.readFile(`${stateDir}/state.json`));
  return { secrets: values.length, unchangedSecretFiles, logs: logs.length };
}
