/** This machine: Synapse's service, its database, room for media, certificate renewal. */
import { resultsFor, type VerifyContext } from './context.js';
import type { LocalProbes } from './local-probes.js';
import { nginxSize } from './proxy-traps.js';
import type { CheckResult } from './types.js';

const result = resultsFor('local');
const GIB = 1024 ** 3;

export async function localHealthChecks(context: VerifyContext, probes: LocalProbes): Promise<CheckResult[]> {
  return Promise.all([service(probes), database(probes), disk(context, probes), renewal(context, probes)]);
}

async function service(probes: LocalProbes): Promise<CheckResult> {
  const label = 'Synapse service (matrix-synapse)';
  try {
    const state = await probes.serviceState('matrix-synapse');
    if (state === 'active') return result('synapse-service', label, 'pass', 'active');
    return result(
      'synapse-service',
      label,
      state === 'activating' || state === 'reloading' ? 'warn' : 'fail',
      state,
      'See why: journalctl -u matrix-synapse -n 50 --no-pager; then systemctl restart matrix-synapse.',
    );
  } catch (error) {
    return result('synapse-service', label, 'fail', `systemctl could not be asked: ${(error as Error).message}`, 'Run verify on the server itself, as root.');
  }
}

async function database(probes: LocalProbes): Promise<CheckResult> {
  const label = 'PostgreSQL reachable, collation C';
  let facts;
  try {
    facts = await probes.database();
  } catch (error) {
    const hint = (error as { hint?: string }).hint;
    return result('postgres', label, 'fail', (error as Error).message, hint ?? 'Check that PostgreSQL runs: systemctl status postgresql.');
  }
  const major = Number.parseInt(facts.serverVersion, 10);
  const evidence = `PostgreSQL ${facts.serverVersion}, LC_COLLATE ${facts.collate}, LC_CTYPE ${facts.ctype}`;
  if (facts.collate !== 'C' || facts.ctype !== 'C') {
    return result(
      'postgres',
      label,
      'fail',
      evidence,
      "Synapse needs a database created with LC_COLLATE 'C' and LC_CTYPE 'C' (TEMPLATE template0); a new database must be created and the data ported, e.g. with pg_dump into one created that way.",
    );
  }
  if (Number.isFinite(major) && major < 14) return result('postgres', label, 'warn', evidence, 'Current Synapse needs PostgreSQL 14 or later: upgrade PostgreSQL before the next Synapse upgrade.');
  return result('postgres', label, 'pass', evidence);
}

async function disk(context: VerifyContext, probes: LocalProbes): Promise<CheckResult> {
  const label = 'Disk space for the media store';
  try {
    const space = await probes.freeSpace();
    const free = `${(space.freeBytes / GIB).toFixed(1)} GiB free of ${(space.totalBytes / GIB).toFixed(1)} GiB on ${space.path}`;
    const fix = `Free space on the file system holding ${space.path} (old media: Synapse's admin API purge_media_cache / media_retention), or move the media store to a larger disk.`;
    if (space.freeBytes < Math.max(GIB / 2, context.options.maxUploadSize * 2)) return result('media-disk', label, 'fail', `${free}: uploads of up to ${nginxSize(context.options.maxUploadSize)} will soon fail`, fix);
    if (space.freeBytes < 5 * GIB || space.freeBytes < space.totalBytes * 0.1) return result('media-disk', label, 'warn', free, fix);
    return result('media-disk', label, 'pass', free);
  } catch (error) {
    return result('media-disk', label, 'warn', `could not measure: ${(error as Error).message}`);
  }
}

async function renewal(context: VerifyContext, probes: LocalProbes): Promise<CheckResult> {
  const label = 'Certificate renewal scheduled';
  const mode = context.options.tlsMode ?? 'letsencrypt';
  if (mode !== 'letsencrypt') return result('cert-renewal', label, 'skip', `tls.mode is ${mode}: renewal is not managed by certbot here`);
  try {
    const facts = await probes.renewal(context.options.synapseHost);
    const active = facts.timers.filter((timer) => timer.state === 'active');
    const timers = active.length ? active.map((t) => `${t.unit} active`).join(', ') : `no active certbot timer (${facts.timers.map((t) => `${t.unit} ${t.state}`).join(', ') || 'none found'})`;
    const hooks = facts.hooks.length ? `deploy hook: ${facts.hooks.join('; ')}` : 'no deploy hook';
    if (active.length === 0) {
      return result('cert-renewal', label, 'fail', `${timers}; ${hooks}`, 'Enable renewal: systemctl enable --now certbot.timer (certbot-renew.timer on the RHEL family).');
    }
    if (facts.hooks.length === 0) {
      return result(
        'cert-renewal',
        label,
        'warn',
        `${timers}; ${hooks}: nginx keeps serving the old certificate after a renewal`,
        'Add a deploy hook: an executable /etc/letsencrypt/renewal-hooks/deploy/reload-nginx containing `systemctl reload nginx`.',
      );
    }
    return result('cert-renewal', label, 'pass', `${timers}; ${hooks}`);
  } catch (error) {
    return result('cert-renewal', label, 'warn', `could not check: ${(error as Error).message}`);
  }
}
