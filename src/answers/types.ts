/**
 * The answers of one install, after defaults are filled in. The answers file
 * (YAML, version 1) is validated against src/answers/schema.ts and turned into this.
 * Secrets are never inline: a SecretRef names a file or an environment variable.
 */
export interface SecretRef {
  /** Path of a file holding the secret (first line, trimmed). */
  file?: string;
  /** Name of an environment variable holding the secret. */
  env?: string;
}

export type TlsMode = 'letsencrypt' | 'existing' | 'self-signed';
export type DatabaseMode = 'local' | 'external';
export type SynapseInstall = 'auto' | 'apt' | 'distro' | 'venv';
export type SynapseSource = Exclude<SynapseInstall, 'auto'>;
export type Registration = 'disabled' | 'token' | 'open';
export type Delegation = 'auto' | 'well-known' | 'none';
export type PgSslMode = 'disable' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';

export interface TlsAnswers {
  mode: TlsMode;
  /** letsencrypt: account email. */
  email?: string;
  /** letsencrypt: ACME directory URL (Let's Encrypt production by default). */
  acme_directory: string;
  /** letsencrypt: CA bundle to trust when talking to a private ACME server. */
  acme_ca_bundle?: string;
  /** existing: PEM certificate chain and key. */
  cert_path?: string;
  key_path?: string;
}

export interface DatabaseAnswers {
  mode: DatabaseMode;
  name: string;
  user: string;
  /** external only; local resolves to 127.0.0.1 (port 5432, sslmode prefer). */
  host: string;
  port: number;
  sslmode: PgSslMode;
  /** external: the Synapse role's password. local: generated when absent. */
  password?: SecretRef;
  /** external: create the role and database with these admin credentials. */
  admin_user?: string;
  admin_password?: SecretRef;
}

export interface SynapseAnswers {
  install: SynapseInstall;
  /** 'latest' or an exact version such as '1.160.0' (venv installs pin it). */
  version: string;
  registration: Registration;
  /** registration: token: accounts the first token may create, and the days it stays valid. */
  registration_token_uses?: number;
  registration_token_days?: number;
  /** Synapse's max_upload_size, e.g. '50M'. nginx's client_max_body_size follows it. */
  max_upload_size: string;
  presence: boolean;
  url_previews: boolean;
  report_stats: boolean;
  /** SYNAPSE_CACHE_FACTOR; unset keeps Synapse's default (0.5). */
  cache_factor?: number;
  /** LimitNOFILE for the service. */
  open_files_limit: number;
}

export interface AdminAnswers {
  enabled: boolean;
  username: string;
  /** Generated, shown once and saved 0600 when absent. */
  password?: SecretRef;
}

export interface ElementAnswers {
  enabled: boolean;
  /** Host Element Web is served on; by default element.<server_name>. */
  host: string;
  /** Upstream release to download: 'latest' or an exact version such as '1.11.90'. */
  version: string;
  /** A local tarball instead of the download (offline servers); needs sha256. */
  tarball?: string;
  sha256?: string;
}

export interface TurnAnswers {
  enabled: boolean;
  /** Public address of this machine; detected when absent. */
  external_ip?: string;
  /** Private address behind NAT, paired with external_ip. */
  private_ip?: string;
  min_port: number;
  max_port: number;
}

export interface EmailAnswers {
  enabled: boolean;
  smtp_host?: string;
  smtp_port: number;
  smtp_user?: string;
  smtp_password?: SecretRef;
  /** 'starttls' | 'tls' (implicit) | 'none' */
  tls: 'starttls' | 'tls' | 'none';
  notif_from?: string;
}

export interface Answers {
  version: 1;
  /** Permanent: the part after the colon in @user:server_name. */
  server_name: string;
  /** The host that serves Synapse (client and federation API). */
  synapse_host: string;
  federation: boolean;
  delegation: Delegation;
  tls: TlsAnswers;
  database: DatabaseAnswers;
  synapse: SynapseAnswers;
  admin: AdminAnswers;
  element: ElementAnswers;
  turn: TurnAnswers;
  email: EmailAnswers;
  firewall: 'auto' | 'skip';
  automatic_updates: boolean;
}
