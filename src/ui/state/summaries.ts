/** Text the review and done screens show, derived from answers and engine results (pure). */
import type { Answers } from '../../answers/types.js';
import { joinLocalized, verbatim, type Localized } from '../../i18n/localized.js';
import { wizardText as w } from '../../i18n/messages/wizard.js';
import type { HostSummary, PlanSummary } from '../engine-port.js';
import { SOURCE_LABELS } from '../questions/synapse.js';

export type Row = [label: Localized, value: Localized];

const REGISTRATION_TEXT = { disabled: w.registrationDisabled, token: w.registrationToken, open: w.registrationOpen } as const;

function tlsText(tls: Answers['tls']): Localized {
  if (tls.mode === 'letsencrypt') return w.tlsLetsEncrypt({ email: tls.email ?? '' });
  if (tls.mode === 'existing') return w.tlsExisting({ path: tls.cert_path ?? '' });
  return w.tlsSelfSigned;
}

export function decisionRows(answers: Answers, host: HostSummary): Row[] {
  const rows: Row[] = [[w.rowMatrixDomain, w.matrixDomainValue({ name: answers.server_name })]];
  const delegated = answers.synapse_host !== answers.server_name;
  rows.push([w.rowSynapseHost, delegated ? w.synapseHostDelegated({ host: answers.synapse_host, delegation: answers.delegation }) : verbatim(answers.synapse_host)]);
  rows.push([w.rowFederation, answers.federation ? w.federationOn : w.federationOff]);
  rows.push([w.rowCertificate, tlsText(answers.tls)]);
  const db = answers.database;
  const database = { name: db.name, user: db.user };
  rows.push([
    w.rowDatabase,
    db.mode === 'local' ? w.databaseLocal(database) : w.databaseExternal({ ...database, host: db.host ?? '', port: db.port, sslmode: db.sslmode ?? '' }),
  ]);
  const best = host.synapseSources[0];
  const source = answers.synapse.install === 'auto' ? (best ? w.bestSource({ source: SOURCE_LABELS[best] }) : w.bestMethod) : SOURCE_LABELS[answers.synapse.install];
  rows.push([w.rowSynapse, w.synapseValue({ source, version: answers.synapse.version })]);
  const admin = { user: answers.admin.username, server: answers.server_name };
  const adminText = answers.admin.enabled
    ? answers.admin.password?.file
      ? w.adminPasswordFrom({ ...admin, file: answers.admin.password.file })
      : w.adminPasswordGenerated(admin)
    : w.none;
  rows.push([w.rowAdmin, adminText]);
  rows.push([w.rowRegistration, REGISTRATION_TEXT[answers.synapse.registration]]);
  const email = answers.email;
  rows.push([
    w.rowEmail,
    email.enabled ? w.emailVia({ host: email.smtp_host ?? '', port: email.smtp_port, tls: email.tls, from: email.notif_from ?? '' }) : w.off,
  ]);
  const turn = answers.turn;
  rows.push([w.rowCalls, turn.enabled ? turnText(turn) : w.noTurn]);
  rows.push([w.rowElement, answers.element.enabled ? verbatim(`https://${answers.element.host}`) : w.notInstalled]);
  rows.push([w.rowUploads, w.uploadsUpTo({ size: answers.synapse.max_upload_size })]);
  return rows;
}

function turnText(turn: Answers['turn']): Localized {
  const relay = w.turnOn({ min: turn.min_port, max: turn.max_port });
  if (!turn.external_ip) return relay;
  return joinLocalized([relay, w.turnPublic({ ip: turn.external_ip }), turn.private_ip ? ` → ${turn.private_ip}` : ''], '');
}

export function planRows(plan: PlanSummary, savedTo?: string): Row[] {
  const details = savedTo ? verbatim(`matrix-setup plan --answers ${savedTo}`) : w.fullPlanHowTo;
  const skipped = plan.steps.filter((step) => step.skip).length;
  const steps = joinLocalized([w.stepsToRun({ count: plan.steps.length - skipped }), skipped ? w.stepsNotNeeded({ count: skipped }) : '', w.commandCount({ count: plan.commands })], '');
  return [
    [w.rowSteps, steps],
    [w.rowPackages, plan.packages.length ? verbatim(plan.packages.join(', ')) : w.none],
    [w.rowFiles, plan.files.length ? w.filesWritten({ count: plan.files.length }) : w.none],
    [w.rowPorts, verbatim(plan.ports.join(', '))],
    [w.rowFullPlan, details],
  ];
}
