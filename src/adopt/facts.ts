import type { SynapseSource } from '../answers/types.js';
import type { SynapseConfig } from './synapse-config.js';
import type { SigningKeyId } from './signing-key.js';
import type { RenewalConfig } from './certbot-renewal.js';
import type { ProxyFacts } from './proxy.js';

/**
 * Everything `matrix-setup adopt` found out about a Synapse set up by hand. Read-only facts:
 * detection (detect.ts) fills them, assess.ts decides whether they can be adopted and
 * answers-from-facts.ts turns them into answers.
 */
export interface AdoptionFacts {
  install: InstallFacts;
  config?: SynapseConfig;
  serverName?: string;
  signingKey?: SigningKeyFacts;
  database?: DatabaseFacts;
  mediaStore?: { path: string; exists: boolean };
  proxy: ProxyFacts;
  certificate?: CertificateFacts;
  registration: RegistrationFacts;
  federation: { enabled: boolean; whitelist?: string[] };
  settings: { maxUploadSize?: string; presence: boolean; urlPreviews: boolean; reportStats?: boolean; publicBaseurl?: string };
  turn: { uris: string[]; sharedSecret: boolean; coturnInstalled: boolean };
  email: { smtpHost?: string; smtpPort?: number; notifFrom?: string };
  automaticUpdates: boolean;
}

/** How Synapse was installed and how it is started. */
export interface InstallFacts {
  /** distro: Debian's own package; apt: matrix.org's package; venv: pip in a virtualenv. */
  method?: SynapseSource;
  packageName?: string;
  packageVersion?: string;
  /** The systemd unit that starts Synapse. */
  unit?: string;
  unitFile?: string;
  /** The command the unit starts. */
  execStart?: string[];
  python?: string;
  venv?: string;
  user?: string;
  configPaths: string[];
  /** Synapse processes running now, with the systemd unit (or container) they run in. */
  processes: SynapseProcess[];
  /** Synapse containers seen by docker or podman. */
  containers: string[];
}

export interface SynapseProcess {
  pid: number;
  /** The systemd service it belongs to, when it is one. */
  unit?: string;
  /** A container runtime's cgroup (docker, podman, containerd, lxc). */
  container?: string;
  cgroup: string;
}

export interface SigningKeyFacts {
  path: string;
  exists: boolean;
  keys: SigningKeyId[];
}

export type DatabaseFacts = SqliteFacts | PostgresFacts | { engine: 'other'; name: string };

export interface SqliteFacts {
  engine: 'sqlite3';
  path: string;
  exists: boolean;
  bytes?: number;
  users?: number;
  someUserId?: string;
  autoVacuum?: boolean;
  pendingBackgroundUpdates?: number;
  /** Why the file could not be read. */
  problem?: string;
}

export interface PostgresFacts {
  engine: 'psycopg2';
  host: string;
  port: number;
  database: string;
  user: string;
  /** Local: on this machine (loopback or a Unix socket). */
  local: boolean;
  hasPassword: boolean;
  sslmode?: string;
  /** From the server, when the config's credentials connected. */
  serverVersion?: number;
  encoding?: string;
  collate?: string;
  ctype?: string;
  users?: number;
  someUserId?: string;
  problem?: string;
}

export interface CertificateFacts {
  /** The files nginx serves for the Synapse host. */
  fullchain: string;
  privkey: string;
  /** Names on the certificate and its expiry, when it could be read. */
  names?: string[];
  notAfter?: string;
  /** A certbot lineage (/etc/letsencrypt/live/NAME). */
  lineage?: RenewalConfig;
  accountEmail?: string;
}

export interface RegistrationFacts {
  enabled: boolean;
  requiresToken: boolean;
  withoutVerification: boolean;
  require3pid: string[];
  /** The file that sets registration_shared_secret, if any. */
  sharedSecretIn?: string;
}
