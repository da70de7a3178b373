import type { Step } from '../src/engine/types.js';
import { basePackagesStep } from './base-packages.js';
import { postgresAuthStep } from './postgres-auth.js';
import { postgresDatabaseStep } from './postgres-database.js';
import { postgresServerStep } from './postgres-server.js';
import { postgresVerifyStep } from './postgres-verify.js';
import { preflightStep } from './preflight.js';
import { synapseAdminStep } from './synapse-admin.js';
import { synapseConfigStep } from './synapse-config.js';
import { synapseInstallStep } from './synapse-install.js';
import { synapseServiceStep } from './synapse-service.js';

/**
 * Every step, in the order a run walks them (each after the steps it needs).
 * The graph is checked by src/engine/graph.ts: an unknown or later `needs` is a bug.
 */
export const STEPS: Step[] = [
  preflightStep,
  basePackagesStep,
  postgresServerStep,
  postgresAuthStep,
  postgresDatabaseStep,
  postgresVerifyStep,
  synapseInstallStep,
  synapseConfigStep,
  synapseServiceStep,
  synapseAdminStep,
];
