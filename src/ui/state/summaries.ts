/** Text the review and done screens show, derived from answers and engine results (pure). */
import type { Answers } from '../../answers/types.js';
import type { CheckResult, HostSummary, PlanSummary, PreflightResult } from '../engine-port.js';

export type Row = [label: string, value: string];

const TLS_TEXT = { letsencrypt: "Let's Encrypt", existing: 'existing certificate', 'self-signed': 'self-signed (trials only)' } as const;

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
  const source = answers.synapse.install === 'auto' ? `default for this system (${host.synapseSources[0] ?? 'auto'})` : answers.synapse.install;
  rows.push(['Synapse', `${source}, version ${answers.synapse.version}`]);
  const admin = answers.admin.enabled
    ? `@${answers.admin.username}:${answers.server_name} (${answers.admin.password?.file ? `password from ${answers.admin.password.file}` : 'password generated'})`
    : 'none';
  rows.push(['Admin', admin]);
  rows.push(['Registration', answers.synapse.registration]);
  rows.push(['Email', answers.email.enabled ? `via ${answers.email.smtp_host}:${answers.email.smtp_port}` : 'off']);
  rows.push(['Element Web', answers.element.enabled ? `https://${answers.element.host}` : 'not installed']);
  rows.push(['Uploads', `up to ${answers.synapse.max_upload_size}`]);
  return rows;
}

export function planRows(plan: PlanSummary): Row[] {
  const skipped = plan.steps.filter((step) => step.skip).length;
  return [
    ['Steps', `${plan.steps.length - skipped} to run${skipped ? `, ${skipped} not needed` : ''} · ${plan.commands} commands`],
    ['Packages', plan.packages.length ? plan.packages.join(', ') : 'none'],
    ['Files', plan.files.length ? `${plan.files.length}: ${plan.files.join(', ')}` : 'none'],
    ['Ports', plan.ports.join(', ')],
  ];
}

/** What is left for the user after a successful install. */
export function nextSteps(answers: Answers, preflight: PreflightResult[], verify: CheckResult[], plan?: PlanSummary): string[] {
  const steps: string[] = [];
  const seen = new Set<string>();
  for (const result of [...preflight, ...verify]) {
    if (result.status === 'pass' || !result.fix || !/^dns/.test(result.id) || seen.has(result.fix)) continue;
    seen.add(result.fix);
    steps.push(`DNS: ${result.fix}`);
  }
  const ports = plan?.ports.length ? plan.ports : answers.federation ? [80, 443, 8448] : [80, 443];
  steps.push(`Open TCP ports ${ports.join(', ')} in your cloud provider's firewall (security group), if it has one.`);
  if (answers.synapse.registration === 'token') {
    steps.push('Create registration tokens with the admin API: POST /_synapse/admin/v1/registration_tokens/new.');
  }
  steps.push(plan?.addUserCommand ? `Add users: ${plan.addUserCommand}` : 'Add users with register_new_matrix_user on this machine.');
  steps.push('Check it again any time, as clients and other servers see it: matrix-setup verify');
  return steps;
}
