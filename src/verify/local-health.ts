/** This machine: Synapse's service, its database, room for media, certificate renewal. */
import { resultsFor, type VerifyContext } from './context.js';
import type { LocalProbes } from './local-probes.js';
import { nginxSize } from './proxy-traps.js';
import type { CheckResult } from './types.js';
import { errorText, MatrixSetupError } from '../errors.js';
import { decimal, fromLanguages, joinLocalized, verbatim, type Lang } from '../i18n/index.js';
import { checkText as t } from '../i18n/messages/verify-checks.js';

const result = resultsFor('local');
const GIB = 1024 ** 3;

export async function localHealthChecks(context: VerifyContext, probes: LocalProbes): Promise<CheckResult[]> {
  return Promise.all([service(probes), database(probes), disk(context, probes), renewal(context, probes)]);
}

async function service(probes: LocalProbes): Promise<CheckResult> {
  const label = t.serviceLabel;
  try {
    // systemd's own words for the state (active, failed, ...), as systemctl prints them.
    const state = await probes.serviceState('matrix-synapse');
    if (state === 'active') return result('synapse-service', label, 'pass', verbatim(state));
    return result('synapse-service', label, state === 'activating' || state === 'reloading' ? 'warn' : 'fail', verbatim(state), t.serviceFix);
  } catch (error) {
    return result('synapse-service', label, 'fail', t.systemctlFailed({ error: errorText(error) }), t.runOnServerFix);
  }
}

async function database(probes: LocalProbes): Promise<CheckResult> {
  const label = t.postgresLabel;
  let facts;
  try {
    facts = await probes.database();
  } catch (error) {
    const hint = error instanceof MatrixSetupError ? error.hint : undefined;
    return result('postgres', label, 'fail', errorText(error), hint ?? t.postgresRunsFix);
  }
  const major = Number.parseInt(facts.serverVersion, 10);
  const evidence = verbatim(`PostgreSQL ${facts.serverVersion}, LC_COLLATE ${facts.collate}, LC_CTYPE ${facts.ctype}`);
  if (facts.collate !== 'C' || facts.ctype !== 'C') return result('postgres', label, 'fail', evidence, t.collationFix);
  if (Number.isFinite(major) && major < 14) return result('postgres', label, 'warn', evidence, t.postgresOldFix);
  return result('postgres', label, 'pass', evidence);
}

async function disk(context: VerifyContext, probes: LocalProbes): Promise<CheckResult> {
  const label = t.diskLabel;
  try {
    const space = await probes.freeSpace();
    const free = fromLanguages((lang) => t.freeOf({ free: gib(space.freeBytes, lang), total: gib(space.totalBytes, lang), path: space.path })[lang]);
    const fix = t.diskFix({ path: space.path });
    if (space.freeBytes < Math.max(GIB / 2, context.options.maxUploadSize * 2)) return result('media-disk', label, 'fail', t.diskSoonFull({ free, size: nginxSize(context.options.maxUploadSize) }), fix);
    if (space.freeBytes < 5 * GIB || space.freeBytes < space.totalBytes * 0.1) return result('media-disk', label, 'warn', free, fix);
    return result('media-disk', label, 'pass', free);
  } catch (error) {
    return result('media-disk', label, 'warn', t.couldNotMeasure({ error: errorText(error) }));
  }
}

/** Gibibytes with one decimal, written as the language writes decimals. */
function gib(bytes: number, lang: Lang): string {
  return decimal((bytes / GIB).toFixed(1), lang);
}

async function renewal(context: VerifyContext, probes: LocalProbes): Promise<CheckResult> {
  const label = t.renewalLabel;
  const mode = context.options.tlsMode ?? 'letsencrypt';
  if (mode !== 'letsencrypt') return result('cert-renewal', label, 'skip', t.renewalNotCertbot({ mode }));
  try {
    const facts = await probes.renewal(context.options.synapseHost);
    const active = facts.timers.filter((timer) => timer.state === 'active');
    const allTimers = facts.timers.map((timer) => `${timer.unit} ${timer.state}`).join(', ');
    const timers = active.length
      ? joinLocalized(active.map((timer) => t.timerActive({ unit: timer.unit })), ', ')
      : t.noActiveTimer({ timers: allTimers || t.noneFound });
    const hooks = facts.hooks.length ? t.deployHook({ hooks: facts.hooks.join('; ') }) : t.noDeployHook;
    const both = joinLocalized([timers, hooks], '; ');
    if (active.length === 0) return result('cert-renewal', label, 'fail', both, t.enableRenewalFix);
    if (facts.hooks.length === 0) return result('cert-renewal', label, 'warn', t.oldCertificateServed({ timers, hooks }), t.deployHookFix);
    return result('cert-renewal', label, 'pass', both);
  } catch (error) {
    return result('cert-renewal', label, 'warn', t.couldNotCheck({ error: errorText(error) }));
  }
}
