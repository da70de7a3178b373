import { Document, Scalar } from 'yaml';
import type { Answers } from '../../src/answers/types.js';
import type { Target } from '../../src/host/target.js';
import { secretToken, type SecretName } from '../../src/secrets/tokens.js';
import { SYNAPSE_LISTEN, type SynapseLayout } from '../synapse/sources.js';

/**
 * Synapse's configuration as matrix-setup writes it: for a package, a drop-in in conf.d
 * whose top-level keys replace the packaged homeserver.yaml's (a list such as `listeners`
 * is replaced whole); for a venv, a complete homeserver.yaml. Built as objects and
 * serialized with `yaml`, so key order (and so the file) is the same on every run.
 */

/** Private and special-use ranges URL previews must never fetch from (Synapse's documented list). */
export const URL_PREVIEW_IP_RANGE_BLACKLIST = [
  '127.0.0.0/8',
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '100.64.0.0/10',
  '192.0.0.0/24',
  '169.254.0.0/16',
  '192.88.99.0/24',
  '198.18.0.0/15',
  '192.0.2.0/24',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '::1/128',
  'fe80::/10',
  'fc00::/7',
  '2001:db8::/32',
  'ff00::/8',
  'fec0::/10',
];

const CA_BUNDLE = { debian: '/etc/ssl/certs/ca-certificates.crt', rhel: '/etc/pki/tls/certs/ca-bundle.crt' } as const;

/**
 * The drop-in for the matrix.org and Debian packages. It repeats server_name and report_stats
 * from the packages' debconf files (server_name.yaml, report_stats.yaml) and is named to be
 * read after them, so the answers win; a server_name.yaml naming another server stops the run.
 */
export function synapseDropInYaml(answers: Answers, target: Target, layout: SynapseLayout): string {
  const header = [
    'Written by matrix-setup; it is replaced on every run. Synapse reads this directory in name',
    'order and later files win: to change a setting made here, use a file named after this one',
    '(such as zzz-local.yaml). Holds secrets: keep it readable by root and Synapse only.',
  ];
  return render(header, {
    server_name: answers.server_name,
    report_stats: answers.synapse.report_stats,
    ...commonSettings(answers, target, layout),
  });
}

/** The complete homeserver.yaml of a venv install. */
export function synapseHomeserverYaml(answers: Answers, target: Target, layout: SynapseLayout): string {
  const header = [
    'Written by matrix-setup; it is replaced on every run (the previous file is backed up next to it).',
    `server_name can never change once Synapse has started with it. Holds secrets: mode 0640, group ${layout.group}.`,
  ];
  const { public_baseurl, ...rest } = commonSettings(answers, target, layout);
  return render(header, {
    server_name: answers.server_name,
    public_baseurl,
    report_stats: answers.synapse.report_stats,
    signing_key_path: layout.signingKey,
    log_config: layout.logConfig,
    ...rest,
  });
}

function commonSettings(answers: Answers, target: Target, layout: SynapseLayout): Record<string, unknown> {
  const { synapse } = answers;
  const settings: Record<string, unknown> = {
    public_baseurl: `https://${answers.synapse_host}/`,
    // Only nginx talks to Synapse: plain HTTP on loopback, with the client's address from X-Forwarded-For.
    listeners: [
      {
        port: SYNAPSE_LISTEN.port,
        bind_addresses: [SYNAPSE_LISTEN.host],
        type: 'http',
        tls: false,
        x_forwarded: true,
        resources: [{ names: answers.federation ? ['client', 'federation'] : ['client'], compress: false }],
      },
    ],
    database: databaseBlock(answers, target),
    media_store_path: layout.mediaStore,
    max_upload_size: synapse.max_upload_size,
    ...registrationSettings(answers),
    registration_shared_secret: secret('registration_shared_secret'),
    macaroon_secret_key: secret('macaroon_secret_key'),
    form_secret: secret('form_secret'),
    presence: { enabled: synapse.presence },
    url_preview_enabled: synapse.url_previews,
    ...(synapse.url_previews ? { url_preview_ip_range_blacklist: URL_PREVIEW_IP_RANGE_BLACKLIST } : {}),
    ...federationSettings(answers),
  };
  // Email, TURN and the cache factor have their own drop-ins (steps/templates/synapse-email.ts,
  // synapse-turn.ts, systemd-tuning.ts): one owner per setting.
  return settings;
}

function databaseBlock(answers: Answers, target: Target) {
  const { mode, name, user, host, port, sslmode } = answers.database;
  const args: Record<string, unknown> = {
    user,
    password: secret('database_password'),
    dbname: name,
    host: mode === 'local' ? '127.0.0.1' : host,
    port,
    cp_min: 5,
    cp_max: 10,
  };
  if (mode === 'external') {
    args.sslmode = sslmode;
    // libpq looks for ~/.postgresql/root.crt otherwise, which the service user does not have.
    if (sslmode === 'verify-ca' || sslmode === 'verify-full') args.sslrootcert = CA_BUNDLE[target.family];
  }
  return { name: 'psycopg2', args };
}

function registrationSettings(answers: Answers): Record<string, unknown> {
  switch (answers.synapse.registration) {
    case 'disabled':
      return { enable_registration: false };
    case 'token':
      return { enable_registration: true, registration_requires_token: true };
    case 'open':
      // The answers require email for open registration: every new account verifies an address.
      return { enable_registration: true, registrations_require_3pid: ['email'] };
  }
}

function federationSettings(answers: Answers): Record<string, unknown> {
  if (!answers.federation) {
    // An empty allow-list turns federation off entirely; no key server is needed then.
    return { federation_domain_whitelist: [], trusted_key_servers: [] };
  }
  return { trusted_key_servers: [{ server_name: 'matrix.org' }], suppress_key_server_warning: true };
}

/**
 * A secret as a literal block scalar: the runner puts the value in place of the token without
 * escaping, and in a block scalar any single-line value (quotes, '#', ': ') is read literally.
 */
function secret(name: SecretName): Scalar {
  const node = new Scalar(secretToken(name));
  node.type = Scalar.BLOCK_LITERAL;
  return node;
}

function render(header: string[], settings: Record<string, unknown>): string {
  // YAML 1.1 rules for quoting, as Synapse reads its config with PyYAML ("on", "0755" stay strings).
  const doc = new Document(settings, { version: '1.1' });
  return `${header.map((line) => `# ${line}`).join('\n')}\n${doc.toString({ lineWidth: 0 })}`;
}
