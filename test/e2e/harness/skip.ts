import { existsSync } from 'node:fs';
import { CONTAINER_LOCK } from './container.js';
import { missingHostTools } from './host-tools.js';
import { liveHolder } from './lock.js';
import { CONTAINER_PORTS, busyPorts, describeBusyPorts } from './ports.js';

/**
 * Why the end-to-end suite cannot run here, or undefined when it can. Busy ports held by
 * another end-to-end container of this harness are not a reason: boot() waits for its lock.
 */
export function e2eSkipReason(): string | undefined {
  if (process.env.MATRIX_SETUP_E2E === '0') return 'MATRIX_SETUP_E2E=0 is set';
  if (process.platform !== 'linux') return `end-to-end tests need Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'end-to-end tests boot a container with systemd-nspawn and need root';
  const missing = missingHostTools();
  if (missing.length > 0 && !existsSync('/usr/bin/apt-get')) {
    return `missing ${missing.join(' ')} and no apt-get to install them`;
  }
  if (!liveHolder(CONTAINER_LOCK)) {
    const busy = busyPorts(CONTAINER_PORTS);
    if (busy.length > 0) {
      return `host ports in use: ${describeBusyPorts(busy)} (the container shares the host network and needs them free)`;
    }
  }
  return undefined;
}

/** Prints the reason and returns it, for `t.skip(reason)`. */
export function reportSkip(): string | undefined {
  const reason = e2eSkipReason();
  if (reason) console.log(`[e2e] skipped: ${reason}`);
  return reason;
}
