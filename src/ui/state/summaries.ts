/** Text the review and done screens show, derived from answers and engine results (pure). */
import type { Answers } from '../../answers/types.js';
import type { HostSummary, PlanSummary } from '../engine-port.js';
import { SOURCE_LABELS } from '../questions/synapse.js';

export type Row = [label: string, value: string];

const TLS_TEXT = { letsencrypt: "Let's Encrypt", existing: 'existing certificate', 'self-signed': 'self-signed (trials only)' } as const;

const REGISTRATION_TEXT = { disabled: 'only the admin creates accounts', token: 'with a registration token', open: 'anyone (verified by email)' } as const;

export function decisionRows(answers: Answers, host: HostSummary): Row[] {
  const rows: Row[] = [['Matrix domain', `${answers.server_name} (permanent: @you:${answers.server_name})`]];
  const delegated = answers.synapse_host !== answers.server_name;
  rows.push(['Synapse host', delegated ? `${answers.synapse_host} (delegation: ${answers.delegation})` : answers.synapse_host]);
  rows.push(['Federation', answers.federation ? 'on' : 'off (private server)']);
  const tls = answers.tls;
  const tlsDetail = tls.mode === 'letsencrypt' ? ` for ${tls.email}` : tls.mode === 'existing' ? ` ${tls.cert_path}` : '';
  rows.push(['Certificate', `${TLS_TEXT[tls.mode]}${tlsDetail}`]);
  const db = answers.database;
  rows.push([
    'Database',
    db.mode === 'local' ? `PostgreSQL on this machine (${db.name}, role ${db.user})` : `${db.host}:${db.port} (${db.name}, role ${db.user}, ${db.sslmode})`,
  ]);
  const best = host.synapseSources[0];
  const source = answers.synapse.install === 'auto' ? (best ? `${SOURCE_LABELS[best]} (the best method here)` : 'the best method here') : SOURCE_LABELS[answers.synapse.install];
  rows.push(['Synapse', `${source}, version ${answers.synapse.version}`]);
  const admin = answers.admin.enabled
    ? `@${answers.admin.username}:${answers.server_name} (${answers.admin.password?.file ? `password from ${answers.admin.password.file}` : 'password generated'})`
    : 'none';
  rows.push(['Admin', admin]);
  rows.push(['Registration', REGISTRATION_TEXT[answers.synapse.registration]]);
  const email = answers.email;
  rows.push(['Email', email.enabled ? `via ${email.smtp_host}:${email.smtp_port} (${email.tls}), from ${email.notif_from}` : 'off']);
  const turn = answers.turn;
  const nat = turn.external_ip ? `, public ${turn.external_ip}${turn.private_ip ? ` → ${turn.private_ip}` : ''}` : '';
  rows.push(['Calls (TURN)', turn.enabled ? `coturn, relay ports ${turn.min_port}-${turn.max_port}${nat}` : 'no TURN server']);
  rows.push(['Element Web', answers.element.enabled ? `https://${answers.element.host}` : 'not installed']);
  rows.push(['Uploads', `up to ${answers.synapse.max_upload_size}`]);
  return rows;
}

export function planRows(plan: PlanSummary, savedTo?: string): Row[] {
  const details = savedTo ? `matrix-setup plan --answers ${savedTo}` : 'press s to save the answers, then run matrix-setup plan --answers FILE';
  const skipped = plan.steps.filter((step) => step.skip).length;
  return [
    ['Steps', `${plan.steps.length - skipped} to run${skipped ? `, ${skipped} not needed` : ''} · ${plan.commands} commands`],
    ['Packages', plan.packages.length ? plan.packages.join(', ') : 'none'],
    ['Files', plan.files.length ? `${plan.files.length} configuration files written, each backed up first if it exists and differs` : 'none'],
    ['Ports', plan.ports.join(', ')],
    ['Full plan', details],
  ];
}
