import { withPackageTransactions } from '../src/engine/package-transaction.js';
import type { Step } from '../src/engine/types.js';
import { basePackagesStep } from './base-packages.js';
import { elementWebStep } from './element-web.js';
import { firewallStep } from './firewall.js';
import { nginxHttpStep } from './nginx-http.js';
import { nginxHttpsStep } from './nginx-https.js';
import { nginxInstallStep } from './nginx-install.js';
import { tlsCertificateStep } from './tls-certificate.js';
import { postgresAuthStep } from './postgres-auth.js';
import { postgresDatabaseStep } from './postgres-database.js';
import { postgresServerStep } from './postgres-server.js';
import { postgresVerifyStep } from './postgres-verify.js';
import { automaticUpdatesStep } from './automatic-updates.js';
import { preflightStep } from './preflight.js';
import { registrationTokenStep } from './registration-token.js';
import { synapseAdminStep } from './synapse-admin.js';
import { synapseConfigStep } from './synapse-config.js';
import { synapseInstallStep } from './synapse-install.js';
import { synapseEmailStep } from './synapse-email.js';
import { synapseServiceStep } from './synapse-service.js';
import { synapseTuningStep } from './synapse-tuning.js';
import { turnFirewallStep } from './turn-firewall.js';
import { turnServerStep } from './turn-server.js';
import { turnSynapseStep } from './turn-synapse.js';

/**
 * Every step, in the order a run walks them (each after the steps it needs), with the two
 * package transactions after preflight that install what all of them need at once.
 * The graph is checked by src/engine/graph.ts: an unknown or later `needs` is a bug.
 */
export const STEPS: Step[] = withPackageTransactions([
  preflightStep,
  basePackagesStep,
  firewallStep,
  postgresServerStep,
  postgresAuthStep,
  postgresDatabaseStep,
  postgresVerifyStep,
  synapseInstallStep,
  synapseConfigStep,
  // Drop-ins Synapse reads, in place before it (re)starts.
  synapseTuningStep,
  turnSynapseStep,
  synapseEmailStep,
  synapseServiceStep,
  synapseAdminStep,
  registrationTokenStep,
  // The public edge: port 80, the certificate, Element Web, then HTTPS in front of Synapse.
  nginxInstallStep,
  nginxHttpStep,
  tlsCertificateStep,
  elementWebStep,
  nginxHttpsStep,
  // coturn uses synapse_host's certificate, so it comes after tls-certificate.
  turnServerStep,
  turnFirewallStep,
  automaticUpdatesStep,
]);
