import { arch as nodeArch } from 'node:os';
import { readFileSync } from 'node:fs';
import { HostRefusedError, UsageError } from '../errors.js';
import { parseOsRelease, readOsRelease } from '../host/os-release.js';
import type { RefusedTarget, Target } from '../host/target.js';
import { describeSupported, detectTarget, isRefused, normalizeArch, SUPPORTED_TARGET_IDS, targetById } from '../host/targets.js';
import { cliText as t } from '../i18n/messages/cli.js';

/** The target to plan for: --target, --os-release, or this machine. */
export async function resolvePlanTarget(options: { target?: string; osRelease?: string }): Promise<Target> {
  const arch = normalizeArch(nodeArch());
  if (options.target) {
    const target = targetById(options.target);
    if (isRefused(target)) {
      if (target.unknown) throw new UsageError(t.unknownTarget({ target: options.target }), t.supportedIds({ ids: SUPPORTED_TARGET_IDS.join(', ') }));
      throw refusal(target);
    }
    return target;
  }
  if (options.osRelease) {
    let text: string;
    try {
      text = readFileSync(options.osRelease, 'utf8');
    } catch {
      throw new UsageError(t.cannotRead({ path: options.osRelease }));
    }
    const target = detectTarget(parseOsRelease(text), arch);
    if (isRefused(target)) throw refusal(target);
    return target;
  }
  return localTarget();
}

/** This machine's target; refuses (exit 3) an unsupported distro. */
export async function localTarget(): Promise<Target> {
  const osRelease = await readOsRelease();
  if (!osRelease) {
    throw new HostRefusedError(t.noOsRelease, t.supported({ systems: describeSupported() }));
  }
  const target = detectTarget(osRelease, normalizeArch(nodeArch()));
  if (isRefused(target)) throw refusal(target);
  return target;
}

function refusal(target: RefusedTarget): HostRefusedError {
  return new HostRefusedError(t.notSupported({ reason: target.reason }), target.suggestion);
}
