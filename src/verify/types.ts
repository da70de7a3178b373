import type { LocalProbes } from './local-probes.js';

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';
export type CheckGroup = 'dns' | 'delegation' | 'client-api' | 'federation' | 'proxy' | 'local';

/** One line of the report: what was checked, what was seen, and what to do about it. */
export interface CheckResult {
  /** Stable, for scripts: e.g. "federation.key-signatures". */
  id: string;
  group: CheckGroup;
  label: string;
  status: CheckStatus;
  /** What was observed (addresses, status codes, headers, key ids). */
  evidence: string;
  /** What to change, when the status is not pass. */
  fix?: string;
  /** Skipped because this earlier check failed (its id): fix that one first. */
  blockedBy?: string;
}

/** Where to open a TCP connection for "host:port" instead of resolving it (tests, private setups). */
export type ConnectMap = Record<string, { host: string; port: number }>;

export interface SrvRecord {
  name: string;
  port: number;
  priority: number;
  weight: number;
}

/** DNS, replaceable so tests never depend on real records. */
export interface VerifyResolver {
  resolve4(name: string): Promise<string[]>;
  resolve6(name: string): Promise<string[]>;
  resolveSrv(name: string): Promise<SrvRecord[]>;
}

export interface VerifyOptions {
  serverName: string;
  /** The host that serves Synapse's client (and, delegated, federation) API on 443. */
  synapseHost: string;
  elementHost?: string;
  federation: boolean;
  /** Synapse's max_upload_size in bytes. */
  maxUploadSize: number;
  /** True when server_name must delegate (answers' delegation 'well-known', or server_name ≠ synapse_host). */
  expectDelegation?: boolean;
  /** 'letsencrypt' checks for a renewal timer and hook; other modes skip that. */
  tlsMode?: 'letsencrypt' | 'existing' | 'self-signed';
  /** Test knob: TCP destinations for "name:port" (the URL, SNI and Host stay the name). */
  connectTo?: ConnectMap;
  /** Test knob: DNS answers instead of the system's resolvers. */
  resolver?: VerifyResolver;
  /** Extra CA certificate(s), PEM, trusted in addition to the system's. */
  ca?: string;
  caFile?: string;
  /** This machine's addresses, for "does DNS point here" (default: its interfaces). */
  machineAddresses?: string[];
  /** Run the checks that look at this machine (service, database, disk, renewal). Default true. */
  localHealth?: boolean;
  /** How local health looks at the machine; default: systemctl, PostgreSQL, statfs. */
  probes?: LocalProbes;
  /** Per request; default 10 s. */
  timeoutMs?: number;
  /** How long the proxy gets to refuse an upload announced at max_upload_size; default 3 s. */
  bodyLimitWaitMs?: number;
  now?: () => number;
}
