import type { Answers } from '../answers/types.js';
import type { HostFacts } from '../host/facts.js';
import type { RefusedTarget, Target } from '../host/target.js';
import { detectTarget, isRefused } from '../host/targets.js';
import { dnsCheck } from './dns-check.js';
import { localPortChecks } from './local-port-check.js';
import { packageManagerCheck } from './package-manager-check.js';
import { portCheck } from './port-check.js';

export type PreflightStatus = 'pass' | 'warn' | 'fail';

/** One line of the preflight list, as the step logs it and the wizard shows it. */
export interface PreflightResult {
  /** Stable id: root, target, systemd, memory, disk, port-80, dns:<name>, clock, ... */
  id: string;
  label: string;
  status: PreflightStatus;
  detail: string;
  /** What to do about a warning or failure. */
  fix?: string;
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
    ? { id: 'root', label: 'Root', status: 'pass', detail: 'running as root' }
    : {
        id: 'root',
        label: 'Root',
        status: 'fail',
        detail: 'not running as root: installing packages and services needs root',
        fix: 'Run it as root, e.g. `sudo npx matrix-setup`.',
      };
}

function targetCheck(facts: HostFacts, target: Target | RefusedTarget): PreflightResult {
  const base = { id: 'target', label: 'Operating system' };
  if (isRefused(target)) return { ...base, status: 'fail', detail: target.reason, fix: target.suggestion };
  if (facts.osRelease) {
    const here = detectTarget(facts.osRelease, facts.arch);
    if (isRefused(here)) return { ...base, status: 'fail', detail: here.reason, fix: here.suggestion };
    if (here.id !== target.id || here.arch !== target.arch) {
      return {
        ...base,
        status: 'fail',
        detail: `this machine is ${here.name} (${here.arch}), but the install was planned for ${target.name} (${target.arch})`,
        fix: `Run without --target on this machine, or run on a ${target.name} server.`,
      };
    }
  }
  const name = target.derivative ? `${target.derivative}, handled as ${target.name}` : target.name;
  const unread = facts.osRelease ? [] : ['/etc/os-release could not be read, so the distribution was not confirmed.'];
  const warnings = [...unread, ...target.warnings];
  if (warnings.length === 0) return { ...base, status: 'pass', detail: `${name} (${target.arch})` };
  return { ...base, status: 'warn', detail: `${name} (${target.arch}): ${warnings.join(' ')}` };
}

function systemdCheck(facts: HostFacts): PreflightResult {
  return facts.hasSystemd
    ? { id: 'systemd', label: 'systemd', status: 'pass', detail: 'systemd is the init system' }
    : {
        id: 'systemd',
        label: 'systemd',
        status: 'fail',
        detail: 'systemd is not running (no /run/systemd/system): Synapse, PostgreSQL and nginx are run as systemd services',
        fix: 'Use a machine (or a container booted with systemd as PID 1) where systemd runs.',
      };
}

function memoryCheck(facts: HostFacts): PreflightResult {
  const base = { id: 'memory', label: 'Memory' };
  const detail = `${formatBytes(facts.memoryBytes)} of RAM`;
  if (facts.memoryBytes < MEMORY_FAIL_BYTES) {
    return { ...base, status: 'fail', detail: `${detail}: Synapse with PostgreSQL needs at least 1 GiB`, fix: 'Use a server with at least 1 GiB of RAM (2 GiB recommended).' };
  }
  if (facts.memoryBytes < MEMORY_WARN_BYTES) {
    return {
      ...base,
      status: 'warn',
      detail: `${detail}: enough for a few users, tight when joining large federated rooms`,
      fix: '2 GiB or more is recommended; adding swap helps with peaks.',
    };
  }
  return { ...base, status: 'pass', detail };
}

function diskCheck(facts: HostFacts): PreflightResult {
  const base = { id: 'disk', label: 'Disk space' };
  if (!facts.disk) {
    return { ...base, status: 'warn', detail: 'free space under /var could not be measured', fix: 'Check with `df -h /var`: at least 10 GiB free is recommended.' };
  }
  const detail = `${formatBytes(facts.disk.freeBytes)} free under ${facts.disk.path}`;
  if (facts.disk.freeBytes < DISK_FAIL_BYTES) {
    return { ...base, status: 'fail', detail: `${detail}: packages, the database and media need at least 2 GiB`, fix: `Free up space on the filesystem holding ${facts.disk.path}, or grow it.` };
  }
  if (facts.disk.freeBytes < DISK_WARN_BYTES) {
    return {
      ...base,
      status: 'warn',
      detail: `${detail}: the database and uploaded media grow with use`,
      fix: 'Plan for 10 GiB or more; watch it with `df -h /var`.',
    };
  }
  return { ...base, status: 'pass', detail };
}

function clockCheck(facts: HostFacts): PreflightResult {
  const base = { id: 'clock', label: 'Clock' };
  const now = new Date(facts.clock.now);
  const shown = `${now.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}`;
  if (!(facts.clock.now >= EARLIEST_PLAUSIBLE_TIME && facts.clock.now < LATEST_PLAUSIBLE_TIME)) {
    return {
      ...base,
      status: 'fail',
      detail: `the clock says ${shown}, which cannot be right: certificates and federation would fail`,
      fix: 'Set the time: `timedatectl set-ntp true` (or `date -s "YYYY-MM-DD HH:MM:SS"`).',
    };
  }
  if (facts.clock.ntpSynchronized === false) {
    return {
      ...base,
      status: 'warn',
      detail: `${shown}, not synchronised with NTP: a drifting clock breaks federation signatures and certificates`,
      fix: 'Enable time synchronisation: `timedatectl set-ntp true` (needs systemd-timesyncd or chrony).',
    };
  }
  const sync = facts.clock.ntpSynchronized === true ? 'synchronised with NTP' : 'NTP status unknown';
  return { ...base, status: 'pass', detail: `${shown}, ${sync}` };
}

export function formatBytes(bytes: number): string {
  if (bytes >= GiB) return `${(bytes / GiB).toFixed(1)} GiB`;
  return `${Math.round(bytes / 1024 ** 2)} MiB`;
}
