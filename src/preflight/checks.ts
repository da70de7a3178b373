import type { Answers } from '../answers/types.js';
import type { HostFacts } from '../host/facts.js';
import type { RefusedTarget, Target } from '../host/target.js';
import { detectTarget, isRefused } from '../host/targets.js';
import { dnsCheck } from './dns-check.js';
import { localPortChecks } from './local-port-check.js';
import { packageManagerCheck } from './package-manager-check.js';
import { portCheck } from './port-check.js';
import type { Localized } from '../i18n/localized.js';
import { preflightText as t } from '../i18n/messages/preflight.js';
import { joinLocalized } from '../i18n/localized.js';
import { formatBytes } from '../i18n/format-bytes.js';

export type PreflightStatus = 'pass' | 'warn' | 'fail';

/** One line of the preflight list, as the step logs it and the wizard shows it. */
export interface PreflightResult {
  /** Stable id: root, target, systemd, memory, disk, port-80, dns:<name>, clock, ... */
  id: string;
  label: Localized;
  status: PreflightStatus;
  detail: Localized;
  /** What to do about a warning or failure. */
  fix?: Localized;
}

const GiB = 1024 ** 3;
/**
 * A server sold with N GiB reports a little less (the kernel reserves some), so the
 * memory limits allow 10%: a "1 GB" VPS passes the 1 GiB floor.
 */
const MEMORY_SLACK = 0.9;
const MEMORY_FAIL_BYTES = 1 * GiB * MEMORY_SLACK;
const MEMORY_WARN_BYTES = 2 * GiB * MEMORY_SLACK;
const DISK_FAIL_BYTES = 2 * GiB;
const DISK_WARN_BYTES = 10 * GiB;
/** A clock before this is certainly wrong (TLS certificates would look not yet valid). */
const EARLIEST_PLAUSIBLE_TIME = Date.UTC(2025, 0, 1);
const LATEST_PLAUSIBLE_TIME = Date.UTC(2100, 0, 1);

/** The names whose DNS preflight checks: server_name, the Synapse host and Element's host. */
export function preflightNames(answers: Answers): string[] {
  const names = [answers.server_name, answers.synapse_host];
  if (answers.element.enabled) names.push(answers.element.host);
  return [...new Set(names.filter(Boolean).map((name) => name.toLowerCase()))];
}

/** Ports the install needs: 80 (ACME, redirect), 443, and 8448 when federating. */
export function preflightPorts(answers: Answers): number[] {
  return answers.federation ? [80, 443, 8448] : [80, 443];
}

/** Every preflight check, in the order they are shown. Pure: all machine access happened in `facts`. */
export function runPreflightChecks(facts: HostFacts, answers: Answers, target: Target | RefusedTarget): PreflightResult[] {
  return [
    rootCheck(facts),
    targetCheck(facts, target),
    systemdCheck(facts),
    memoryCheck(facts),
    diskCheck(facts),
    ...(facts.packageManager ? [packageManagerCheck(facts.packageManager)] : []),
    ...preflightPorts(answers).map((port) => portCheck(facts, port)),
    ...localPortChecks(facts, answers),
    ...preflightNames(answers).map((name) => dnsCheck(facts, answers, name)),
    clockCheck(facts),
  ];
}

export function preflightFailed(results: PreflightResult[]): PreflightResult[] {
  return results.filter((result) => result.status === 'fail');
}

function rootCheck(facts: HostFacts): PreflightResult {
  return facts.isRoot
    ? { id: 'root', label: t.rootLabel, status: 'pass', detail: t.rootPass }
    : { id: 'root', label: t.rootLabel, status: 'fail', detail: t.rootFail, fix: t.rootFix };
}

function targetCheck(facts: HostFacts, target: Target | RefusedTarget): PreflightResult {
  const base = { id: 'target', label: t.targetLabel };
  if (isRefused(target)) return { ...base, status: 'fail', detail: target.reason, fix: target.suggestion };
  if (facts.osRelease) {
    const here = detectTarget(facts.osRelease, facts.arch);
    if (isRefused(here)) return { ...base, status: 'fail', detail: here.reason, fix: here.suggestion };
    if (here.id !== target.id || here.arch !== target.arch) {
      return {
        ...base,
        status: 'fail',
        detail: t.targetMismatch({ here: here.name, hereArch: here.arch, planned: target.name, plannedArch: target.arch }),
        fix: t.targetMismatchFix({ planned: target.name }),
      };
    }
  }
  const name = target.derivative ? t.derivativeAs({ derivative: target.derivative, name: target.name }) : target.name;
  const unread = facts.osRelease ? [] : [t.osReleaseUnread];
  const warnings = [...unread, ...target.warnings];
  if (warnings.length === 0) return { ...base, status: 'pass', detail: t.targetDetail({ name, arch: target.arch }) };
  return { ...base, status: 'warn', detail: t.targetWarned({ name, arch: target.arch, warnings: joinLocalized(warnings) }) };
}

function systemdCheck(facts: HostFacts): PreflightResult {
  return facts.hasSystemd
    ? { id: 'systemd', label: t.systemdLabel, status: 'pass', detail: t.systemdPass }
    : { id: 'systemd', label: t.systemdLabel, status: 'fail', detail: t.systemdFail, fix: t.systemdFix };
}

function memoryCheck(facts: HostFacts): PreflightResult {
  const base = { id: 'memory', label: t.memoryLabel };
  const detail = t.memoryDetail({ size: formatBytes(facts.memoryBytes) });
  if (facts.memoryBytes < MEMORY_FAIL_BYTES) return { ...base, status: 'fail', detail: t.memoryFail({ detail }), fix: t.memoryFailFix };
  if (facts.memoryBytes < MEMORY_WARN_BYTES) return { ...base, status: 'warn', detail: t.memoryWarn({ detail }), fix: t.memoryWarnFix };
  return { ...base, status: 'pass', detail };
}

function diskCheck(facts: HostFacts): PreflightResult {
  const base = { id: 'disk', label: t.diskLabel };
  if (!facts.disk) return { ...base, status: 'warn', detail: t.diskUnmeasured, fix: t.diskUnmeasuredFix };
  const detail = t.diskDetail({ size: formatBytes(facts.disk.freeBytes), path: facts.disk.path });
  if (facts.disk.freeBytes < DISK_FAIL_BYTES) return { ...base, status: 'fail', detail: t.diskFail({ detail }), fix: t.diskFailFix({ path: facts.disk.path }) };
  if (facts.disk.freeBytes < DISK_WARN_BYTES) return { ...base, status: 'warn', detail: t.diskWarn({ detail }), fix: t.diskWarnFix };
  return { ...base, status: 'pass', detail };
}

function clockCheck(facts: HostFacts): PreflightResult {
  const base = { id: 'clock', label: t.clockLabel };
  const now = new Date(facts.clock.now);
  const time = `${now.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}`;
  if (!(facts.clock.now >= EARLIEST_PLAUSIBLE_TIME && facts.clock.now < LATEST_PLAUSIBLE_TIME)) {
    return { ...base, status: 'fail', detail: t.clockWrong({ time }), fix: t.clockWrongFix };
  }
  if (facts.clock.ntpSynchronized === false) return { ...base, status: 'warn', detail: t.clockUnsynced({ time }), fix: t.clockUnsyncedFix };
  return { ...base, status: 'pass', detail: (facts.clock.ntpSynchronized === true ? t.clockSynced : t.clockUnknown)({ time }) };
}
