// Deciding whether a hand-made server can be adopted, and the answers that reproduce it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answersFromFacts } from '../../src/adopt/answers-from-facts.js';
import { assessAdoption } from '../../src/adopt/assess.js';
import { describeFacts } from '../../src/adopt/report.js';
import { englishIn } from '../helpers/russian-prose.js';
import { configChanges } from '../../src/adopt/config-changes.js';
import type { AdoptionFacts } from '../../src/adopt/facts.js';
import type { ServerSummary } from '../../src/adopt/proxy.js';
import { resolveAnswers } from '../../src/answers/resolve.js';
import { checkStepOrder } from '../../src/engine/graph.js';
import { adoptSteps } from '../../steps/adopt/index.js';
import { secretsInConfig } from '../../steps/adopt/import-secrets.js';
import { STEPS } from '../../steps/index.js';
import { synapseLayout } from '../../steps/synapse/sources.js';
import { synapseDropInYaml } from '../../steps/templates/synapse-config.js';
import { testTarget } from '../helpers/answers.js';

function server(overrides: Partial<ServerSummary>): ServerSummary {
  return { file: '/etc/nginx/sites-enabled/matrix', line: 1, names: ['matrix.test'], ports: [443], ssl: true, proxiesSynapse: false, otherContent: [], redirectOnly: false, ...overrides };
}

/** A blog-guide server: Debian's package on SQLite behind a hand-written nginx vhost with a certbot lineage. */
function blogServer(): AdoptionFacts {
  const synapse = server({ line: 9, ports: [443, 8448], proxiesSynapse: true, sslCertificate: '/etc/letsencrypt/live/matrix.test/fullchain.pem', sslCertificateKey: '/etc/letsencrypt/live/matrix.test/privkey.pem' });
  const redirect = server({ ports: [80], ssl: false, redirectOnly: true });
  const merged = {
    server_name: 'matrix.test',
    max_upload_size: '20M',
    registration_shared_secret: 'reg-secret',
    enable_registration: false,
    database: { name: 'sqlite3', args: { database: '/var/lib/matrix-synapse/homeserver.db' } },
    media_store_path: '/var/lib/matrix-synapse/media',
    report_stats: false,
  };
  return {
    install: {
      method: 'distro',
      packageName: 'matrix-synapse',
      packageVersion: '1.160.0-1',
      unit: 'matrix-synapse.service',
      execStart: ['/usr/bin/python3', '-m', 'synapse.app.homeserver'],
      python: '/usr/bin/python3',
      user: 'matrix-synapse',
      configPaths: ['/etc/matrix-synapse/homeserver.yaml', '/etc/matrix-synapse/conf.d/'],
      processes: [{ pid: 42, unit: 'matrix-synapse.service', cgroup: '0::/system.slice/matrix-synapse.service' }],
      containers: [],
    },
    config: { files: [], merged, setBy: { registration_shared_secret: '/etc/matrix-synapse/conf.d/registration.yaml' }, problems: [] },
    serverName: 'matrix.test',
    signingKey: { path: '/etc/matrix-synapse/homeserver.signing.key', exists: true, keys: [{ id: 'ed25519:a_AbCd' }] },
    database: { engine: 'sqlite3', path: '/var/lib/matrix-synapse/homeserver.db', exists: true, users: 2, someUserId: '@alice:matrix.test' },
    mediaStore: { path: '/var/lib/matrix-synapse/media', exists: true },
    proxy: { holders: { 80: ['nginx'], 443: ['nginx'], 8448: ['nginx'] }, nginx: { files: [], servers: [redirect, synapse], synapseServers: [synapse], wellKnownServers: [] } },
    certificate: {
      fullchain: '/etc/letsencrypt/live/matrix.test/fullchain.pem',
      privkey: '/etc/letsencrypt/live/matrix.test/privkey.pem',
      lineage: { name: 'matrix.test', server: 'https://acme.example.net/dir', account: 'abc', authenticator: 'webroot', webrootMap: {} },
    },
    registration: { enabled: false, requiresToken: false, withoutVerification: false, require3pid: [], sharedSecretIn: '/etc/matrix-synapse/conf.d/registration.yaml' },
    federation: { enabled: true },
    settings: { maxUploadSize: '20M', presence: true, urlPreviews: false, reportStats: false, publicBaseurl: 'https://matrix.test' },
    turn: { uris: [], sharedSecret: false, coturnInstalled: false },
    email: {},
    automaticUpdates: false,
  };
}

describe('what adopt refuses, naming what it saw', () => {
  it('a blog-guide server is adoptable; its hand-written vhost file is the one replaced', () => {
    const assessment = assessAdoption(blogServer());
    assert.deepEqual(assessment.refusals, []);
    assert.equal(assessment.edge?.synapseHost, 'matrix.test');
    assert.deepEqual(assessment.edge?.replacedFiles, ['/etc/nginx/sites-enabled/matrix']);
  });

  const refusedFor = (change: (facts: AdoptionFacts) => void, pattern: RegExp) => {
    const facts = blogServer();
    change(facts);
    const { refusals } = assessAdoption(facts);
    assert.ok(refusals.some((r) => pattern.test(r.en)), `expected a refusal matching ${pattern}, got:\n${refusals.map((r) => r.en).join('\n')}`);
    // The same refusal in Russian, with what was seen in it.
    for (const refusal of refusals) assert.match(refusal.ru, /[а-яё]/, refusal.ru);
  };

  it('Synapse in Docker', () => refusedFor((f) => f.install.containers.push('docker: synapse matrixdotorg/synapse:latest'), /runs in a container \(docker: synapse matrixdotorg\/synapse:latest\)/));
  it('Synapse not started by systemd', () => refusedFor((f) => (f.install.processes = [{ pid: 4711, cgroup: '0::/user.slice/session-2.scope' }]), /PID 4711, not started by systemd \(its cgroup is 0::\/user\.slice\/session-2\.scope\)/));
  it('a database that belongs to another server_name', () => refusedFor((f) => (f.database = { engine: 'sqlite3', path: '/x.db', exists: true, someUserId: '@bob:other.test' }), /holds the users of "other\.test" \(such as @bob:other\.test\), but the config says server_name "matrix\.test"/));
  it('a reverse proxy it does not manage', () => refusedFor((f) => (f.proxy.holders[443] = ['caddy']), /Port 443 is served by caddy/));
  it('a hand-made virtualenv', () => refusedFor((f) => Object.assign(f.install, { method: 'venv', venv: '/home/synapse/env' }), /virtualenv \/home\/synapse\/env/));
  it('a unit that does not read conf.d', () => refusedFor((f) => (f.install.configPaths = ['/etc/matrix-synapse/homeserver.yaml']), /does not read|would not read/));
  it('PostgreSQL with a collation Synapse refuses', () =>
    refusedFor((f) => (f.database = { engine: 'psycopg2', host: 'localhost', port: 5432, database: 'synapse', user: 'synapse', local: true, hasPassword: true, collate: 'en_US.UTF-8', ctype: 'en_US.UTF-8', encoding: 'UTF8' }), /COLLATE en_US\.UTF-8/));
  it('a missing signing key', () => refusedFor((f) => (f.signingKey = { path: '/etc/matrix-synapse/homeserver.signing.key', exists: false, keys: [] }), /signing key .* is missing/));
  it('the media store elsewhere', () => refusedFor((f) => (f.mediaStore = { path: '/srv/media', exists: true }), /media store is \/srv\/media/));
  it('a server block that also serves other content or names', () => {
    refusedFor((f) => f.proxy.nginx!.servers[1].otherContent.push('location /app → http://127.0.0.1:3000'), /serves more than Matrix for matrix\.test .*location \/app/);
    refusedFor((f) => f.proxy.nginx!.servers[1].names.push('www.other.test'), /also serves www\.other\.test/);
  });
  it('secrets kept in files Synapse reads (*_path)', () => refusedFor((f) => Object.assign(f.config!.merged, { registration_shared_secret_path: '/etc/x' }), /registration_shared_secret_path is set/));
});

describe('answers that reproduce the server', () => {
  it('from what Synapse, nginx and certbot say; defaults said in notes', () => {
    const facts = blogServer();
    const { draft, notes } = answersFromFacts(facts, assessAdoption(facts), '/var/lib/matrix-setup');
    const answers = resolveAnswers(draft);
    assert.equal(answers.server_name, 'matrix.test');
    assert.equal(answers.synapse_host, 'matrix.test');
    assert.equal(answers.synapse.install, 'distro');
    assert.equal(answers.synapse.max_upload_size, '20M');
    assert.equal(answers.synapse.registration, 'disabled');
    assert.equal(answers.tls.mode, 'letsencrypt');
    assert.equal(answers.tls.acme_directory, 'https://acme.example.net/dir');
    assert.equal(answers.tls.email, 'admin@matrix.test');
    assert.equal(answers.admin.enabled, false);
    assert.equal(answers.database.mode, 'local');
    assert.ok(notes.some((n) => /keeps no contact address: tls\.email defaults to admin@matrix\.test/.test(n.en)));
    assert.ok(notes.some((n) => /SQLite database .* will be copied into PostgreSQL/.test(n.en)));
    assert.ok(notes.some((n) => /tls\.email по умолчанию admin@matrix\.test/.test(n.ru)));
  });

  it("a server_name that is another site's website is left alone (delegation: none)", () => {
    const facts = blogServer();
    const synapse = server({ names: ['matrix.example.org'], proxiesSynapse: true });
    const website = server({ file: '/etc/nginx/sites-enabled/example.org', names: ['example.org'], wellKnownServer: '{}', otherContent: ['location / → files in /srv/www'] });
    facts.serverName = 'example.org';
    facts.settings.publicBaseurl = 'https://matrix.example.org/';
    facts.database = { engine: 'sqlite3', path: '/x.db', exists: true, someUserId: '@a:example.org' };
    facts.proxy.nginx = { files: [], servers: [synapse, website], synapseServers: [synapse], wellKnownServers: [website] };
    const assessment = assessAdoption(facts);
    assert.deepEqual(assessment.refusals, []);
    assert.equal(assessment.edge?.synapseHost, 'matrix.example.org');
    assert.equal(assessment.edge?.delegation, 'none');
    assert.deepEqual(assessment.edge?.replacedFiles, ['/etc/nginx/sites-enabled/matrix']);
  });

  it("the drop-in keeps the server's secrets and hand-set values: only the listener, the database and what it adds change", () => {
    const facts = blogServer();
    const answers = resolveAnswers(answersFromFacts(facts, assessAdoption(facts), '/var/lib/matrix-setup').draft);
    const target = testTarget('debian-unstable');
    const merged = { ...facts.config!.merged, listeners: [{ port: 8008, type: 'http' }], public_baseurl: 'https://matrix.test', presence: { enabled: true }, url_preview_enabled: false };
    const kept = secretsInConfig(merged);
    assert.equal(kept.registration_shared_secret, 'reg-secret');
    assert.equal(kept.macaroon_secret_key, 'reg-secret', 'without its own, Synapse used the registration secret as the macaroon key');
    const changes = configChanges(merged, synapseDropInYaml(answers, target, synapseLayout(answers, target)), kept);
    assert.deepEqual(changes.map((c) => `${c.key} ${c.kind}`).sort(), ['database changed', 'form_secret added', 'listeners changed', 'macaroon_secret_key added', 'suppress_key_server_warning added', 'trusted_key_servers added']);
  });
});

describe('the adopt graph', () => {
  it("is the install's steps with adopt's in between, in a valid order", () => {
    const ADOPT_STEPS = adoptSteps('/var/lib/matrix-setup');
    checkStepOrder(ADOPT_STEPS);
    const ids = ADOPT_STEPS.map((s) => s.id);
    for (const step of STEPS) assert.ok(ids.includes(step.id), `${step.id} is part of adopting`);
    const before = (a: string, b: string) => assert.ok(ids.indexOf(a) < ids.indexOf(b), `${a} before ${b}`);
    before('adopt-check', 'adopt-secrets');
    before('adopt-secrets', 'adopt-backup');
    before('adopt-backup', 'base-packages');
    before('postgres-verify', 'adopt-sqlite-port');
    before('adopt-sqlite-port', 'synapse-config');
    before('adopt-nginx-sites', 'nginx-http');
    before('nginx-http', 'adopt-certificate-renewal');
    before('adopt-certificate-renewal', 'tls-certificate');
    assert.equal(adoptSteps('/var/lib/matrix-setup', []).length, 0);
  });
});

describe('what adopt found, as the report prints it', () => {
  it('the same facts line by line in English and Russian, the words around them translated', () => {
    const facts = blogServer();
    const assessment = assessAdoption(facts);
    const en = describeFacts(facts, assessment, 'en');
    const ru = describeFacts(facts, assessment, 'ru');
    assert.equal(ru.length, en.length);
    assert.ok(en.some((line) => /^ {2}registration:\s+closed/.test(line)), en.join('\n'));
    assert.ok(ru.some((line) => /^ {2}регистрация:\s+закрыта/.test(line)), ru.join('\n'));
    assert.ok(ru.some((line) => /^ {2}будет отдавать:\s+matrix\.test \(делегирование: auto\)/.test(line)), ru.join('\n'));
    // "abc" is the fixture's certbot account id.
    assert.deepEqual(englishIn(ru.join('\n').replace('(учётная запись abc)', '')), [], ru.join('\n'));
  });
});
