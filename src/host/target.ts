import type { SynapseSource } from '../answers/types.js';
import type { Localized } from '../i18n/localized.js';

/** The two ways supported distros differ in packaging, paths and tools. */
export type Family = 'debian' | 'rhel';

/**
 * A supported install target: a distro release plus the facts the steps need
 * about it. Built from /etc/os-release (or `--target ID`) by src/host/targets.ts.
 */
export interface Target {
  /** Stable id used by `--target` and in snapshots: debian-12, ubuntu-24.04, rocky-9, ... */
  id: string;
  family: Family;
  /** os-release ID of the distro this target describes (after ID_LIKE mapping). */
  distro: 'debian' | 'ubuntu' | 'rhel' | 'rocky' | 'almalinux' | 'ol' | 'centos';
  /** Human name: "Debian 12 (bookworm)". */
  name: string;
  /** Major version number (0 for Debian testing/unstable). */
  major: number;
  /** APT codename (bookworm, noble, sid); undefined on the RHEL family. */
  codename?: string;
  /** dpkg-style architecture: amd64, arm64, ... */
  arch: string;
  /** The distro's python3 minor version, e.g. "3.11". */
  python: string;
  /** Python used for a venv install: python3, or python3.12 on RHEL 8/9. */
  venvPython: string;
  /** PostgreSQL major version installed from the distro (after module stream selection). */
  postgresVersion: number;
  /** RHEL 8/9: the dnf module stream to enable for a PostgreSQL >= 14. */
  postgresModuleStream?: string;
  /** Synapse sources that work here, best first; the first is the default. */
  synapseSources: SynapseSource[];
  /** Warnings to show before installing (e.g. Ubuntu 22.04 is being dropped by Synapse). */
  warnings: Localized[];
  /**
   * Set when the host is a derivative handled as this target (via ID_LIKE):
   * its own name, e.g. "Raspbian GNU/Linux 12 (bookworm)".
   */
  derivative?: string;
}

/** Why a host is refused, and what to use instead. */
export interface RefusedTarget {
  refused: true;
  /** What the host (or the `--target` id) is, as far as it could be told. */
  name: string;
  reason: Localized;
  suggestion: Localized;
  /** Set by targetById when the id names no target at all (a usage error rather than a refusal). */
  unknown?: true;
}
