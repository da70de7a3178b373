import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { synapseConfigStep } from '../../steps/synapse-config.js';
import { synapseLayout } from '../../steps/synapse/sources.js';
import { synapseDropInYaml, synapseHomeserverYaml, URL_PREVIEW_IP_RANGE_BLACKLIST } from '../../steps/templates/synapse-config.js';
import { synapseLogConfigYaml } from '../../steps/templates/synapse-log-config.js';
import type { FileAction } from '../../src/engine/types.js';
import { replaceSecretTokens, secretNamesIn } from '../../src/secrets/tokens.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

type Config = Record<string, any>;

function dropIn(overrides: Parameters<typeof testAnswers>[0] = {}, targetId = 'debian-12'): { text: string; config: Config } {
  const answers = testAnswers(overrides);
  const target = testTarget(targetId);
  const text = synapseDropInYaml(answers, target, synapseLayout(answers, target));
  return { text, config: parse(text) as Config };
}

function homeserver(overrides: Parameters<typeof testAnswers>[0] = {}, targetId = 'rocky-9'): { text: string; config: Config } {
  const answers = testAnswers({ synapse: { install: 'venv' }, ...overrides });
  const target = testTarget(targetId);
  const text = synapseHomeserverYaml(answers, target, synapseLayout(answers, target));
  return { text, config: parse(text) as Config };
}

describe('Synapse drop-in (packages)', () => {
  it('replaces the packaged listeners with one plain-HTTP listener on 127.0.0.1:8008 behind the proxy', () => {
    const { config } = dropIn();
    assert.deepEqual(config.listeners, [
      { port: 8008, bind_addresses: ['127.0.0.1'], type: 'http', tls: false, x_forwarded: true, resources: [{ names: ['client', 'federation'], compress: false }] },
    ]);
  });
  it('names the server and report_stats, which win over the debconf files because the drop-in sorts after them', () => {
    const answers = testAnswers({ synapse: { report_stats: true } });
    const layout = synapseLayout(answers, testTarget('debian-12'));
    const config = parse(synapseDropInYaml(answers, testTarget('debian-12'), layout)) as Config;
    assert.equal(config.server_name, 'example.org');
    assert.equal(config.report_stats, true);
    const names = [layout.dropIn!, layout.serverNameFile!, layout.reportStatsFile!].map((p) => p.split('/').pop()!);
    assert.equal([...names].sort().at(-1), names[0], `${names[0]} must sort last among ${names.join(', ')}`);
  });
  it('the database block: psycopg2 on 127.0.0.1 for a local database, the password as a token', () => {
    const { config } = dropIn();
    assert.deepEqual(config.database, {
      name: 'psycopg2',
      args: { user: 'synapse_user', password: '<<secret:database_password>>', dbname: 'synapse', host: '127.0.0.1', port: 5432, cp_min: 5, cp_max: 10 },
    });
  });
  it('an external database gets its host, sslmode and, when verifying, the system CA bundle', () => {
    const { config } = dropIn({ database: { mode: 'external', host: 'db.example.net', port: 6432, sslmode: 'verify-full' } });
    assert.equal(config.database.args.host, 'db.example.net');
    assert.equal(config.database.args.port, 6432);
    assert.equal(config.database.args.sslmode, 'verify-full');
    assert.equal(config.database.args.sslrootcert, '/etc/ssl/certs/ca-certificates.crt');
    const rhel = homeserver({ database: { mode: 'external', host: 'db.example.net', sslmode: 'require' } }).config;
    assert.equal(rhel.database.args.sslmode, 'require');
    assert.equal(rhel.database.args.sslrootcert, undefined);
  });
  it('secrets are tokens, never values, and every one of them is a name the secret store knows', () => {
    const { text, config } = dropIn();
    assert.deepEqual(secretNamesIn(text).sort(), ['database_password', 'form_secret', 'macaroon_secret_key', 'registration_shared_secret']);
    assert.equal(config.registration_shared_secret, '<<secret:registration_shared_secret>>');
    assert.equal(config.macaroon_secret_key, '<<secret:macaroon_secret_key>>');
    assert.equal(config.form_secret, '<<secret:form_secret>>');
  });
  it('a secret value with YAML-special characters is read back exactly once substituted', () => {
    const nasty = `it's: a "pass" # word: - [x] {y} &z *w`;
    const { text } = dropIn({ database: { mode: 'external', host: 'db', password: { file: '/p' } } });
    const written = replaceSecretTokens(text, (name) => (name === 'database_password' ? nasty : 'v'));
    assert.equal((parse(written) as Config).database.args.password, nasty);
  });
  it('URL previews on: the private-range blacklist is set; off: no list', () => {
    const on = dropIn({ synapse: { url_previews: true } }).config;
    assert.equal(on.url_preview_enabled, true);
    assert.deepEqual(on.url_preview_ip_range_blacklist, URL_PREVIEW_IP_RANGE_BLACKLIST);
    for (const range of ['127.0.0.0/8', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16', '::1/128', 'fc00::/7', 'fe80::/10']) {
      assert.ok(on.url_preview_ip_range_blacklist.includes(range), range);
    }
    const off = dropIn().config;
    assert.equal(off.url_preview_enabled, false);
    assert.equal(off.url_preview_ip_range_blacklist, undefined);
  });
  it('registration: disabled, by token, or open with a verified email', () => {
    assert.equal(dropIn().config.enable_registration, false);
    const token = dropIn({ synapse: { registration: 'token' } }).config;
    assert.equal(token.enable_registration, true);
    assert.equal(token.registration_requires_token, true);
    const open = dropIn({ synapse: { registration: 'open' }, email: { enabled: true, smtp_host: 's', notif_from: 'n@example.org' } }).config;
    assert.equal(open.enable_registration, true);
    assert.deepEqual(open.registrations_require_3pid, ['email']);
    assert.equal(open.enable_registration_without_verification, undefined);
  });
  it('federation: matrix.org as key server; without federation no federation resource and an empty allow-list', () => {
    const on = dropIn().config;
    assert.deepEqual(on.trusted_key_servers, [{ server_name: 'matrix.org' }]);
    assert.equal(on.suppress_key_server_warning, true);
    const off = dropIn({ federation: false }).config;
    assert.deepEqual(off.listeners[0].resources[0].names, ['client']);
    assert.deepEqual(off.federation_domain_whitelist, []);
    assert.deepEqual(off.trusted_key_servers, []);
  });
  it('public_baseurl, uploads, presence and media store follow the answers and the source', () => {
    const { config } = dropIn({ synapse: { max_upload_size: '1G', presence: false } });
    assert.equal(config.public_baseurl, 'https://matrix.example.org/');
    assert.equal(config.max_upload_size, '1G');
    assert.deepEqual(config.presence, { enabled: false });
    assert.equal(config.media_store_path, '/var/lib/matrix-synapse/media');
  });
  it('leaves email, TURN and caches to their own drop-ins', () => {
    const { config } = dropIn({ turn: { enabled: true }, synapse: { cache_factor: 2 }, email: { enabled: true, smtp_host: 's', notif_from: 'n@example.org' } });
    for (const key of ['email', 'turn_uris', 'turn_shared_secret', 'caches']) assert.equal(config[key], undefined, key);
  });
  it('is deterministic', () => {
    assert.equal(dropIn().text, dropIn().text);
  });
});

describe('homeserver.yaml (venv)', () => {
  it('is complete: server_name, report_stats, signing key, log config, listeners, database, secrets', () => {
    const { config } = homeserver();
    for (const key of ['server_name', 'public_baseurl', 'report_stats', 'signing_key_path', 'log_config', 'listeners', 'database', 'media_store_path', 'registration_shared_secret', 'macaroon_secret_key', 'form_secret']) {
      assert.ok(key in config, key);
    }
    assert.equal(config.signing_key_path, '/var/lib/matrix-synapse/homeserver.signing.key');
    assert.equal(config.log_config, '/etc/matrix-synapse/log.yaml');
    assert.equal(config.listeners[0].x_forwarded, true);
  });
  it('the log config writes homeserver.log with rotation and sends warnings to the journal', () => {
    const answers = testAnswers({ synapse: { install: 'venv' } });
    const log = parse(synapseLogConfigYaml(synapseLayout(answers, testTarget('rocky-9')))) as Config;
    assert.equal(log.version, 1);
    assert.equal(log.handlers.file.filename, '/var/log/matrix-synapse/homeserver.log');
    assert.equal(log.handlers.file.class, 'logging.handlers.TimedRotatingFileHandler');
    assert.deepEqual(log.root.handlers, ['file', 'console']);
  });
});

describe('synapse-config plan', () => {
  it('packages: the drop-in is 0640 root:<service group> (matrix.org) or 0600 for the service user (Debian, whose group is the shared nogroup)', () => {
    const apt = synapseConfigStep.plan({ answers: testAnswers(), target: testTarget('debian-12') });
    const aptFile = apt.find((a): a is FileAction => a.kind === 'file')!;
    assert.equal(aptFile.path, '/etc/matrix-synapse/conf.d/zz-matrix-setup.yaml');
    assert.deepEqual([aptFile.owner, aptFile.group, aptFile.mode], ['root', 'matrix-synapse', 0o640]);
    assert.deepEqual(aptFile.notify, ['matrix-synapse.service']);
    const distro = synapseConfigStep.plan({ answers: testAnswers(), target: testTarget('debian-unstable') });
    const distroFile = distro.find((a): a is FileAction => a.kind === 'file')!;
    assert.deepEqual([distroFile.owner, distroFile.group, distroFile.mode], ['matrix-synapse', 'root', 0o600]);
  });
  it('a config file naming another server_name is refused by the file guard', () => {
    const actions = synapseConfigStep.plan({ answers: testAnswers({ synapse: { install: 'venv' } }), target: testTarget('rocky-9') });
    const config = actions.find((a): a is FileAction => a.kind === 'file' && a.path === '/etc/matrix-synapse/homeserver.yaml')!;
    assert.match(config.guard!('server_name: other.org\n')?.en ?? '', /belongs to the Synapse server "other.org"/);
    assert.equal(config.guard!('server_name: example.org\nfoo: 1\n'), undefined);
    assert.equal(config.guard!('# no server_name here\n'), undefined);
  });
  it('the signing key is generated once, as the service user', () => {
    const actions = synapseConfigStep.plan({ answers: testAnswers(), target: testTarget('debian-unstable') });
    const keygen = actions.find((a) => a.kind === 'command');
    assert.ok(keygen && keygen.kind === 'command');
    assert.equal(keygen.creates, '/etc/matrix-synapse/homeserver.signing.key');
    assert.deepEqual(keygen.argv.slice(0, 4), ['runuser', '-u', 'matrix-synapse', '--']);
    assert.ok(keygen.argv.includes('--generate-keys'));
    assert.ok(keygen.argv.includes('/usr/bin/python3'));
  });
});
