import { readFileSync } from 'node:fs';
import type { RunContext, TaskAction } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';
import { ANY_EXIT_CODE } from '../../src/exec/executor.js';
import { checkCertificateFiles } from '../../src/tls/certificate-check.js';
import { SYSTEM_NGINX, type NginxControl } from '../nginx/nginx-control.js';
import { DEPLOY_HOOK, LETSENCRYPT_DIR } from './edge-layout.js';
import { edgeText as t } from '../../src/i18n/messages/steps-edge.js';
import { joinLocalized, type Localized } from '../../src/i18n/localized.js';

/** One certificate request: everything certbot is told, nothing read from the machine. */
export interface CertbotRequest {
  certName: string;
  /** The names on the certificate, the first one its subject. */
  names: string[];
  email: string;
  /** ACME directory URL (Let's Encrypt, its staging service, or a private CA). */
  server: string;
  webroot: string;
  /** PEM bundle certbot trusts for a private ACME server (REQUESTS_CA_BUNDLE). */
  caBundle?: string;
  /** Run through a shell by certbot after every issuance and renewal; persisted in the renewal config. */
  deployHook: string;
  /** certbot's config directory (its --config-dir); work and logs dirs only for tests. */
  configDir: string;
  workDir?: string;
  logsDir?: string;
}

export function defaultRequest(fields: Omit<CertbotRequest, 'deployHook' | 'configDir'>): CertbotRequest {
  return { ...fields, deployHook: DEPLOY_HOOK, configDir: LETSENCRYPT_DIR };
}

export function certificateFiles(request: CertbotRequest): { fullchain: string; privkey: string; renewal: string } {
  const live = `${request.configDir}/live/${request.certName}`;
  return { fullchain: `${live}/fullchain.pem`, privkey: `${live}/privkey.pem`, renewal: `${request.configDir}/renewal/${request.certName}.conf` };
}

/**
 * `certbot certonly --webroot`: nginx already serves the challenge directory on port 80.
 * --expand lets a later run add a name (Element's host, say) to the same certificate;
 * --force-renewal only when the certificate came from another ACME server (staging → production).
 */
export function certbotArgv(request: CertbotRequest, options: { forceRenewal?: boolean } = {}): string[] {
  const argv = ['certbot', 'certonly', '--webroot', '-w', request.webroot];
  for (const name of request.names) argv.push('-d', name);
  argv.push(
    '--cert-name', request.certName,
    '--server', request.server,
    '-m', request.email,
    '--agree-tos', '--no-eff-email', '--non-interactive', '--expand',
    '--deploy-hook', request.deployHook,
  );
  if (request.configDir !== LETSENCRYPT_DIR) argv.push('--config-dir', request.configDir);
  if (request.workDir) argv.push('--work-dir', request.workDir);
  if (request.logsDir) argv.push('--logs-dir', request.logsDir);
  if (options.forceRenewal) argv.push('--force-renewal');
  return argv;
}

export function certbotEnv(request: CertbotRequest): Record<string, string> | undefined {
  return request.caBundle ? { REQUESTS_CA_BUNDLE: request.caBundle } : undefined;
}

/** The ACME server a certificate was issued by, from its renewal config (`server = URL`). */
export function renewalServer(renewalConf: string): string | undefined {
  return /^server\s*=\s*(\S+)\s*$/m.exec(renewalConf)?.[1];
}

export type CertificateState = { status: 'ok' } | { status: 'missing' } | { status: 'unfit'; problems: Localized[] } | { status: 'other-server'; server?: string };

/** What stands between the machine and a certificate that fits this request. Read-only. */
export function certificateState(request: CertbotRequest, now?: Date): CertificateState {
  const files = certificateFiles(request);
  let renewal: string;
  try {
    renewal = readFileSync(files.renewal, 'utf8');
  } catch {
    return { status: 'missing' };
  }
  const report = checkCertificateFiles(files.fullchain, files.privkey, request.names, now);
  if (report.problems.length) return { status: 'unfit', problems: report.problems };
  const server = renewalServer(renewal);
  if (server !== request.server) return { status: 'other-server', server };
  return { status: 'ok' };
}

/**
 * Obtains (or extends) the certificate. certbot runs the deploy hook for this issuance, but
 * hooks are easy to lose (certbot before 3.2 runs its hook directories only on `renew`), so
 * nginx is reloaded here as well when it runs: a re-issued certificate is served at once.
 */
export function certificateTask(request: CertbotRequest, control: NginxControl = SYSTEM_NGINX): TaskAction {
  const bundle = request.caBundle;
  return {
    kind: 'task',
    description: t.certbotTask({ names: request.names.join(', '), server: request.server }),
    shows: [
      { argv: certbotArgv(request), when: bundle ? t.whenNotCoveredTrusting({ bundle }) : t.whenNotCovered },
      { argv: certbotArgv(request, { forceRenewal: true }), when: bundle ? t.whenOtherServerTrusting({ bundle }) : t.whenOtherServer },
      { argv: control.reload, when: t.whenIssued },
    ],
    check: async () => certificateState(request).status === 'ok',
    run: (ctx) => obtainCertificate(ctx, request, control),
  };
}

export async function obtainCertificate(ctx: RunContext, request: CertbotRequest, control: NginxControl = SYSTEM_NGINX): Promise<void> {
  const before = certificateState(request);
  if (before.status === 'unfit') ctx.note(t.requestingNew({ problems: joinLocalized(before.problems, '; ') }));
  if (before.status === 'other-server') ctx.note(t.fromOtherServer({ from: before.server ?? t.unknownAcmeServer, server: request.server }));
  await ctx.exec.run(certbotArgv(request, { forceRenewal: before.status === 'other-server' }), {
    env: certbotEnv(request),
    timeoutMs: 5 * 60 * 1000,
    hint: t.acmeHint({ names: request.names.join(', '), log: `${request.logsDir ?? '/var/log/letsencrypt'}/letsencrypt.log` }),
  });
  const after = certificateState(request);
  if (after.status !== 'ok') {
    throw new StepError(t.certificateDoesNotFit, {
      hint: after.status === 'unfit' ? joinLocalized(after.problems, '; ') : t.certbotLog({ dir: request.logsDir ?? '/var/log/letsencrypt' }),
    });
  }
  const running = await ctx.exec.run(control.running, { probe: true, okExitCodes: ANY_EXIT_CODE, timeoutMs: 30_000 });
  if (running.exitCode === 0) await ctx.exec.run(control.reload);
}
