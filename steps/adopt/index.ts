import type { Step } from '../../src/engine/types.js';
import { STEPS } from '../index.js';
import { adoptBackupStep } from './backup-first.js';
import { adoptCheckStep } from './adopt-check.js';
import { adoptCertificateRenewalStep } from './certificate-renewal.js';
import { adoptSecretsStep } from './import-secrets.js';
import { adoptNginxSitesStep } from './nginx-sites.js';
import { portedDataCheckStep } from './ported-data-check.js';
import { sqlitePortStep } from './sqlite-port.js';

/** Adopt's own steps, each placed right after an install step. */
function insertions(stateDir: string): Record<string, Step[]> {
  return {
    // Nothing on the machine changes before the backup is written.
    preflight: [adoptCheckStep, adoptSecretsStep, adoptBackupStep(stateDir)],
    // After postgres-verify (the empty database exists) and before synapse-config switches Synapse to it.
    'synapse-install': [sqlitePortStep],
    'synapse-service': [portedDataCheckStep],
    // Before nginx-http writes the vhost that takes the names over.
    'nginx-install': [adoptNginxSitesStep],
    // Once port 80 serves the ACME webroot, before tls-certificate looks at the lineage.
    'nginx-http': [adoptCertificateRenewalStep],
  };
}

/**
 * `matrix-setup adopt --yes`: the install's steps, which bring a server to its answers while
 * keeping what is there, with adopt's steps put in between. Built from the install's list, so
 * every install step is part of adopting too. The state directory is where the backup is
 * recorded (and whose answers and secrets it holds).
 */
export function adoptSteps(stateDir: string, install: Step[] = STEPS): Step[] {
  const added = insertions(stateDir);
  return install.flatMap((step) => [step, ...(added[step.id] ?? [])]);
}
