// Reading a hand-made server: nginx's dump, certbot's renewal config, Synapse's config files
// merged as Synapse merges them, systemd units (packages and a venv), cgroups, signing keys.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { accountDirectory, accountEmail, lineageOfPath, parseRenewalConfig } from '../../src/adopt/certbot-renewal.js';
import { cgroupOwner, LOCAL_FILES, synapseHttpPorts } from '../../src/adopt/detect.js';
import { parseListen, parseNginxDump, proxyTargets } from '../../src/adopt/nginx-config.js';
import { analyseNginx } from '../../src/adopt/proxy.js';
import { parseSigningKeyFile } from '../../src/adopt/signing-key.js';
import { expandConfigPaths, mergeConfigDocuments, readSynapseConfig } from '../../src/adopt/synapse-config.js';
import { parseShownExecStart, parseShowOutput, parseUnitFile, splitCommandLine, synapseCommand, venvOfPython } from '../../src/adopt/systemd-unit.js';
import { renewalDifferences } from '../../steps/adopt/certificate-renewal.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'adopt');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

describe('nginx -T', () => {
  const config = parseNginxDump(fixture('nginx-T.txt'));

  it('splits the dump into its files and finds the http server blocks (not stream ones)', () => {
    assert.deepEqual(config.files, ['/etc/nginx/nginx.conf', '/etc/nginx/mime.types', '/etc/nginx/sites-enabled/default', '/etc/nginx/sites-enabled/matrix', '/etc/nginx/sites-enabled/example.org']);
    assert.deepEqual(config.servers.map((s) => `${s.file}:${s.line} ${s.serverNames.join(' ')}`), [
      '/etc/nginx/sites-enabled/default:1 _',
      '/etc/nginx/sites-enabled/matrix:4 matrix.example.org',
      '/etc/nginx/sites-enabled/matrix:9 matrix.example.org',
      '/etc/nginx/sites-enabled/example.org:1 example.org www.example.org',
    ]);
    assert.deepEqual(config.upstreams, { synapse_backend: ['127.0.0.1:8008'] });
  });

  it('reads listen, certificates (quoted or with a trailing comment) and locations', () => {
    const tls = config.servers[2];
    assert.deepEqual(tls.listen, [
      { port: 443, ssl: true, defaultServer: false },
      { address: '::', port: 443, ssl: true, defaultServer: false },
      { port: 8448, ssl: true, defaultServer: true },
    ]);
    assert.equal(tls.sslCertificate, '/etc/letsencrypt/live/matrix.example.org/fullchain.pem');
    assert.equal(tls.sslCertificateKey, '/etc/letsencrypt/live/matrix.example.org/privkey.pem');
    assert.deepEqual(tls.locations, [{ match: '~ ^(/_matrix|/_synapse/client)', proxyPass: 'http://synapse_backend' }]);
    const site = config.servers[3];
    assert.deepEqual(site.locations[0], { match: '= /.well-known/matrix/server', returns: ['200', '{"m.server": "matrix.example.org:443"}'] });
  });

  it('listen forms', () => {
    assert.deepEqual(parseListen(['127.0.0.1:8080']), { address: '127.0.0.1', port: 8080, ssl: false, defaultServer: false });
    assert.deepEqual(parseListen(['[::]:80', 'default_server']), { address: '::', port: 80, ssl: false, defaultServer: true });
    assert.deepEqual(parseListen(['localhost']), { address: 'localhost', port: 80, ssl: false, defaultServer: false });
  });

  it('proxy_pass targets through upstreams and literal hosts', () => {
    assert.deepEqual(proxyTargets('http://synapse_backend', config.upstreams), [{ host: '127.0.0.1', port: 8008 }]);
    assert.deepEqual(proxyTargets('http://localhost:8008', {}), [{ host: 'localhost', port: 8008 }]);
    assert.deepEqual(proxyTargets('http://[::1]:8008/', {}), [{ host: '::1', port: 8008 }]);
  });

  it('tells Synapse blocks, .well-known blocks, redirects and other content apart', () => {
    const facts = analyseNginx(config, synapseHttpPorts({ listeners: [{ port: 8008, type: 'http' }] }));
    assert.deepEqual(facts.synapseServers.map((s) => s.line), [9]);
    const [fallback, redirect, synapse, website] = facts.servers;
    assert.deepEqual(fallback.otherContent, [], "Debian's default site serves nothing of the user's");
    assert.equal(redirect.redirectOnly, true);
    assert.deepEqual(synapse.otherContent, []);
    assert.equal(synapse.ssl, true);
    assert.deepEqual(synapse.ports, [443, 8448]);
    assert.equal(website.wellKnownServer, '{"m.server": "matrix.example.org:443"}');
    assert.deepEqual(website.otherContent, ['location /blog/ → http://127.0.0.1:2368']);
    assert.equal(facts.synapseServers.length, 1, 'a proxy to another port is not Synapse');
  });
});

describe("certbot's renewal config", () => {
  it('reads the lineage made with --nginx: its ACME server, account, authenticator and installer', () => {
    const config = parseRenewalConfig('matrix.example.org', fixture('renewal-matrix.example.org.conf'));
    assert.equal(config.server, 'https://acme-v02.api.letsencrypt.org/directory');
    assert.equal(config.account, '3f2a9c0e1b7d4a6f8e5c2b1a0d9e8f7c');
    assert.equal(config.authenticator, 'nginx');
    assert.equal(config.installer, 'nginx');
    assert.equal(config.fullchain, '/etc/letsencrypt/live/matrix.example.org/fullchain.pem');
    assert.deepEqual(renewalDifferences(config).map((d) => d.en), [
      'it renews with the nginx authenticator',
      "certbot's nginx installer edits the web server's config",
      'nginx is not reloaded after a renewal',
    ]);
  });

  it('a lineage already renewing through matrix-setup\'s webroot with the reload hook needs nothing', () => {
    const config = parseRenewalConfig('matrix.test', fixture('renewal-webroot.conf'));
    assert.deepEqual(config.webrootPath, ['/var/www/matrix-setup-acme']);
    assert.deepEqual(config.webrootMap, { 'matrix.test': '/var/www/matrix-setup-acme' });
    assert.equal(config.renewHook, 'systemctl reload nginx');
    assert.deepEqual(renewalDifferences(config), []);
    assert.deepEqual(renewalDifferences({ ...config, webrootMap: { 'matrix.test': '/var/www/html' } }).map((d) => d.en), ['its webroot is /var/www/matrix-setup-acme, /var/www/html']);
  });

  it('lineage names, account directories and contact addresses', () => {
    assert.equal(lineageOfPath('/etc/letsencrypt/live/matrix.test/fullchain.pem'), 'matrix.test');
    assert.equal(lineageOfPath('/etc/ssl/certs/x.pem'), undefined);
    assert.equal(accountDirectory('https://127.0.0.1:14000/dir', 'abc'), '/etc/letsencrypt/accounts/127.0.0.1:14000/dir/abc');
    assert.equal(accountDirectory('https://acme-v02.api.letsencrypt.org/directory', 'abc'), '/etc/letsencrypt/accounts/acme-v02.api.letsencrypt.org/directory/abc');
    assert.equal(accountEmail('{"body": {"contact": ["mailto:admin@example.org"]}, "uri": "x"}'), 'admin@example.org');
    assert.equal(accountEmail('{"body": {}, "uri": "x"}'), undefined);
  });
});

describe("Synapse's config: homeserver.yaml + conf.d, merged as Synapse does", () => {
  const dir = join(FIXTURES, 'synapse');

  it('a directory stands for its *.yaml files in name order', () => {
    assert.deepEqual(expandConfigPaths([`${dir}/homeserver.yaml`, `${dir}/conf.d/`], LOCAL_FILES), [
      `${dir}/homeserver.yaml`,
      `${dir}/conf.d/00-empty.yaml`,
      `${dir}/conf.d/registration.yaml`,
      `${dir}/conf.d/report_stats.yaml`,
      `${dir}/conf.d/server_name.yaml`,
    ]);
  });

  it('later files win key by key; which file sets each key is known', () => {
    const config = readSynapseConfig([`${dir}/homeserver.yaml`, `${dir}/conf.d/`], LOCAL_FILES);
    assert.deepEqual(config.problems, []);
    assert.equal(config.merged.server_name, 'example.org', 'conf.d/server_name.yaml wins over homeserver.yaml');
    assert.equal(config.setBy.server_name, `${dir}/conf.d/server_name.yaml`);
    assert.equal(config.merged.enable_registration, true);
    assert.equal(config.merged.registration_requires_token, true);
    assert.equal(config.setBy.registration_shared_secret, `${dir}/conf.d/registration.yaml`);
    assert.equal(config.merged.max_upload_size, '100M');
    assert.equal(config.merged.url_preview_enabled, true, 'YAML 1.1 as PyYAML: on is true');
    assert.deepEqual(config.files.find((f) => f.path.endsWith('00-empty.yaml'))?.keys, []);
  });

  it('a section is replaced whole, not merged', () => {
    const config = mergeConfigDocuments([
      { path: 'a.yaml', text: 'database:\n  name: sqlite3\n  args: {database: /x.db}\n' },
      { path: 'b.yaml', text: 'database:\n  name: psycopg2\n' },
    ]);
    assert.deepEqual(config.merged.database, { name: 'psycopg2' });
  });

  it('unreadable or broken files are problems, not crashes', () => {
    const config = mergeConfigDocuments([
      { path: 'bad.yaml', text: 'listeners: [\n' },
      { path: 'list.yaml', text: '- a\n- b\n' },
    ]);
    assert.equal(config.problems.length, 2);
    assert.match(config.problems[0], /^bad\.yaml: not valid YAML/);
    assert.match(config.problems[1], /^list\.yaml: not a mapping/);
    const missing = readSynapseConfig(['/nonexistent/homeserver.yaml'], LOCAL_FILES);
    assert.deepEqual(missing.problems, ['/nonexistent/homeserver.yaml: ENOENT']);
  });

  it("Synapse's HTTP listener ports (TLS listeners are not what a proxy passes to)", () => {
    assert.deepEqual(synapseHttpPorts({ listeners: [{ port: 8008, type: 'http' }, { port: 8448, type: 'http', tls: true }, { port: 9000, type: 'metrics' }] }), [8008]);
    assert.deepEqual(synapseHttpPorts({}), [8008]);
  });
});

describe('how Synapse is started: systemd units, venvs, cgroups', () => {
  it("Debian's unit through systemctl show", () => {
    const props = parseShowOutput(fixture('units/systemctl-show-debian.txt'));
    assert.equal(props.LoadState, 'loaded');
    const argv = parseShownExecStart(props.ExecStart)!;
    const command = synapseCommand(argv)!;
    assert.equal(command.program, '/usr/bin/python3');
    assert.equal(command.homeserver, true);
    assert.deepEqual(command.configPaths, ['/etc/matrix-synapse/homeserver.yaml', '/etc/matrix-synapse/conf.d/']);
    assert.equal(venvOfPython(command.program), undefined, 'the system python is no venv');
  });

  it('a hand-written venv unit (continuation lines, WorkingDirectory, User)', () => {
    const unit = parseUnitFile(fixture('units/synapse-venv.service'));
    assert.equal(unit.user, 'synapse');
    assert.equal(unit.workingDirectory, '/home/synapse/synapse');
    const command = synapseCommand(unit.execStart!)!;
    assert.deepEqual(command.configPaths, ['/home/synapse/synapse/homeserver.yaml']);
    assert.equal(venvOfPython(command.program), '/home/synapse/synapse/env');
    assert.equal(venvOfPython('/opt/venvs/matrix-synapse/bin/python'), '/opt/venvs/matrix-synapse');
  });

  it('-c, --config-path VALUE, synctl and quoted arguments', () => {
    assert.deepEqual(splitCommandLine(`/x/python -m synapse.app.homeserver -c "/etc/my synapse/hs.yaml" --config-path /etc/c.d`), ['/x/python', '-m', 'synapse.app.homeserver', '-c', '/etc/my synapse/hs.yaml', '--config-path', '/etc/c.d']);
    assert.deepEqual(synapseCommand(['/x/python', '-m', 'synapse.app.homeserver', '-c', '/a.yaml', '--config-path', '/b/'])!.configPaths, ['/a.yaml', '/b/']);
    assert.deepEqual(synapseCommand(['/home/s/env/bin/synctl', 'start', '/home/s/homeserver.yaml'])!.configPaths, ['/home/s/homeserver.yaml']);
    assert.equal(synapseCommand(['/usr/bin/python3', '-m', 'synapse.app.generic_worker']), undefined, 'a worker is not the homeserver');
  });

  it('cgroups: a systemd service, Docker, or neither', () => {
    assert.deepEqual(cgroupOwner('0::/system.slice/matrix-synapse.service\n'), { unit: 'matrix-synapse.service' });
    // A hybrid hierarchy in a container (seen in the adopt scenario): v1's name=systemd shows the container's root.
    const hybrid = ['9:name=systemd:/', '8:pids:/', '4:memory:/', '1:cpu:/', '0::/system.slice/matrix-synapse.service', ''].join('\n');
    assert.deepEqual(cgroupOwner(hybrid), { unit: 'matrix-synapse.service' });
    assert.deepEqual(cgroupOwner('12:pids:/user.slice\n1:name=systemd:/system.slice/matrix-synapse.service\n'), { unit: 'matrix-synapse.service' }, 'cgroup v1 only');
    assert.deepEqual(cgroupOwner('9:name=systemd:/\n0::/..\n'), {}, 'a process entered from outside the machine belongs to no unit');
    assert.deepEqual(cgroupOwner('0::/user.slice/user-0.slice/session-3.scope\n'), {}, 'started from a login session');
    assert.deepEqual(cgroupOwner('12:pids:/docker/0123abcd\n1:name=systemd:/docker/0123abcd\n0::/\n'), { container: 'docker' });
    assert.deepEqual(cgroupOwner('0::/system.slice/docker-0123abcd.scope\n'), { container: 'docker' });
    assert.deepEqual(cgroupOwner('0::/user.slice/user-1000.slice/session-3.scope\n'), {});
  });
});

describe('signing keys', () => {
  it('reads the key id and derives the public key (as /_matrix/key/v2/server shows it), never the seed', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32).toString('base64');
    const expected = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64').replace(/=+$/, '');
    const keys = parseSigningKeyFile(`ed25519 a_AbCd ${seed}\n`);
    assert.deepEqual(keys, [{ id: 'ed25519:a_AbCd', publicKey: expected }]);
    assert.ok(!JSON.stringify(keys).includes(seed));
  });
});
