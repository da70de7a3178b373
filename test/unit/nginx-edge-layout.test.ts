import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { edgeLayout, nginxPaths } from '../../steps/edge/edge-layout.js';
import { nginxHttpsVhosts } from '../../steps/templates/nginx-https-vhosts.js';
import { nginxHttpVhost } from '../../steps/templates/nginx-http-vhost.js';
import { elementConfig } from '../../steps/templates/element-config.js';
import { nginxHttpsStep } from '../../steps/nginx-https.js';
import { FakeExecutor } from '../helpers/fake-executor.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

describe('edge layout', () => {
  it('delegated: server_name served here with both .well-known files, federation on synapse_host:443, no 8448', () => {
    const layout = edgeLayout(testAnswers());
    assert.deepEqual(layout.names, ['matrix.example.org', 'example.org', 'element.example.org']);
    assert.deepEqual(layout.federation, { kind: 'delegated', target: 'matrix.example.org:443' });
    assert.deepEqual(layout.ports, [80, 443]);
    const name = layout.vhosts.find((v) => v.host === 'example.org')!;
    assert.equal(name.wellKnownServer, '{"m.server":"matrix.example.org:443"}');
    assert.equal(name.wellKnownClient, '{"m.homeserver":{"base_url":"https://matrix.example.org"}}');
    assert.equal(name.synapse, false);
    assert.equal(layout.vhosts[0].wellKnownClient, name.wellKnownClient, 'the Synapse host serves the client file too');
    assert.equal(layout.externalWellKnown, undefined);
  });

  it('same host: federation on 8448, client .well-known only, server_name not listed twice', () => {
    const layout = edgeLayout(testAnswers({ server_name: 'matrix.example.org', element: { enabled: false } }));
    assert.deepEqual(layout.names, ['matrix.example.org']);
    assert.deepEqual(layout.federation, { kind: 'port-8448' });
    assert.deepEqual(layout.ports, [80, 443, 8448]);
    assert.equal(layout.vhosts[0].wellKnownServer, undefined);
  });

  it('delegation none: server_name is not served here and the files to place elsewhere are given', () => {
    const layout = edgeLayout(testAnswers({ delegation: 'none' }));
    assert.deepEqual(layout.names, ['matrix.example.org', 'element.example.org']);
    assert.deepEqual(layout.externalWellKnown, {
      server: '{"m.server":"matrix.example.org:443"}',
      client: '{"m.homeserver":{"base_url":"https://matrix.example.org"}}',
      url: 'https://example.org/.well-known/matrix/',
    });
  });

  it('federation off: no server file, no 8448, and the federation API is closed on 443', () => {
    const answers = testAnswers({ federation: false });
    const layout = edgeLayout(answers);
    assert.equal(layout.vhosts.find((v) => v.host === 'example.org')!.wellKnownServer, undefined);
    assert.deepEqual(layout.ports, [80, 443]);
    assert.match(nginxHttpsVhosts(layout), /location ~ \^\/_matrix\/\(federation\|key\)\/ \{\n\s+return 404;/);
    const same = edgeLayout(testAnswers({ federation: false, server_name: 'matrix.example.org' }));
    assert.deepEqual(same.ports, [80, 443]);
    assert.doesNotMatch(nginxHttpsVhosts(same), /8448/);
  });

  it('certificate paths follow the TLS mode; one certificate named after the Synapse host', () => {
    assert.equal(edgeLayout(testAnswers()).certificate.fullchain, '/etc/letsencrypt/live/matrix.example.org/fullchain.pem');
    assert.equal(edgeLayout(testAnswers({ tls: { mode: 'self-signed' } })).certificate.privkey, '/etc/matrix-setup/tls/matrix.example.org/privkey.pem');
    assert.equal(edgeLayout(testAnswers({ tls: { mode: 'existing', cert_path: '/c.pem', key_path: '/k.pem' } })).certificate.fullchain, '/c.pem');
  });

  it('nginx paths: sites-available + sites-enabled on Debian, conf.d on the RHEL family', () => {
    assert.deepEqual(nginxPaths(testTarget('debian-12')), {
      httpFile: '/etc/nginx/sites-available/matrix-setup-http.conf',
      httpsFile: '/etc/nginx/sites-available/matrix-setup-https.conf',
      httpLink: '/etc/nginx/sites-enabled/matrix-setup-http.conf',
      httpsLink: '/etc/nginx/sites-enabled/matrix-setup-https.conf',
    });
    assert.deepEqual(nginxPaths(testTarget('rocky-9')), { httpFile: '/etc/nginx/conf.d/matrix-setup-http.conf', httpsFile: '/etc/nginx/conf.d/matrix-setup-https.conf' });
  });
});

describe('nginx templates', () => {
  it('port 80 serves the ACME webroot and redirects the rest, without taking the default server', () => {
    const text = nginxHttpVhost(edgeLayout(testAnswers()), '/var/www/matrix-setup-acme');
    assert.match(text, /server_name matrix\.example\.org example\.org element\.example\.org;/);
    assert.match(text, /location \^~ \/\.well-known\/acme-challenge\/ \{\n\s+root \/var\/www\/matrix-setup-acme;/);
    assert.match(text, /return 301 https:\/\/\$host\$request_uri;/);
    assert.doesNotMatch(text, /default_server/);
  });

  it('the Synapse proxy follows the reverse-proxy docs: no URI after the port, forwarded headers, body size, HTTP/1.1', () => {
    const text = nginxHttpsVhosts(edgeLayout(testAnswers({ synapse: { max_upload_size: '100M' } })));
    assert.match(text, /location ~ \^\(\/_matrix\|\/_synapse\/client\) \{/);
    assert.match(text, /proxy_pass http:\/\/127\.0\.0\.1:8008;\n/);
    for (const header of ['X-Forwarded-For $remote_addr', 'X-Forwarded-Proto $scheme', 'Host $host']) assert.ok(text.includes(`proxy_set_header ${header};`), header);
    assert.match(text, /client_max_body_size 100M;/);
    assert.match(text, /proxy_http_version 1\.1;/);
  });

  it('.well-known answers are JSON with Access-Control-Allow-Origin: *', () => {
    const text = nginxHttpsVhosts(edgeLayout(testAnswers()));
    assert.match(text, /location = \/\.well-known\/matrix\/server \{\n\s+default_type application\/json;\n\s+add_header Access-Control-Allow-Origin \* always;\n\s+add_header Strict-Transport-Security "max-age=63072000" always;\n\s+return 200 '\{"m\.server":"matrix\.example\.org:443"\}';/);
  });

  it('Element gets its security headers and no caching of index.html, version, config*.json and i18n', () => {
    const text = nginxHttpsVhosts(edgeLayout(testAnswers()));
    const element = text.slice(text.indexOf('server_name element.example.org;'));
    for (const header of ['X-Frame-Options SAMEORIGIN', 'X-Content-Type-Options nosniff', `Content-Security-Policy "frame-ancestors 'self'"`]) assert.ok(element.includes(`add_header ${header} always;`), header);
    for (const location of ['= /index.html', '= /version', '~ ^/config.*\\.json$', '/i18n/']) assert.ok(element.includes(`location ${location} {\n            expires -1;`), location);
    assert.match(element, /root \/var\/www\/element\/current;/);
  });

  it('the 8448 server exists only for federation on the same host', () => {
    const same = nginxHttpsVhosts(edgeLayout(testAnswers({ server_name: 'matrix.example.org' })));
    assert.match(same, /listen 8448 ssl;\n\s+listen \[::\]:8448 ssl;\n\s+server_name matrix\.example\.org;/);
    assert.doesNotMatch(nginxHttpsVhosts(edgeLayout(testAnswers())), /8448/);
  });

  it('config.json points Element at this homeserver', () => {
    const config = JSON.parse(elementConfig(edgeLayout(testAnswers())));
    assert.deepEqual(config.default_server_config, { 'm.homeserver': { base_url: 'https://matrix.example.org', server_name: 'example.org' } });
    assert.equal(config.disable_custom_urls, false);
  });
});

describe('nginx-https verify', () => {
  const ss = (ports: number[]) => ports.map((port) => `LISTEN 0 511 0.0.0.0:${port} 0.0.0.0:* users:(("nginx",pid=10,fd=6))`).join('\n');
  const context = (answers: ReturnType<typeof testAnswers>, listening: number[]) =>
    ({ answers, target: testTarget(), exec: new FakeExecutor([[['ss'], { stdout: ss(listening) }]]), note() {}, warn() {}, emit() {}, signal: new AbortController().signal }) as never;

  it('fails when a reload left a port unbound (nginx keeps its old configuration silently)', async () => {
    const answers = testAnswers({ server_name: 'matrix.example.org' });
    await assert.rejects(nginxHttpsStep.verify!(context(answers, [22, 80, 443])), /nothing listens on port 8448/);
    await nginxHttpsStep.verify!(context(answers, [80, 443, 8448]));
  });

  it('waits for a reload that binds its ports only after `systemctl reload` returned', async () => {
    const answers = testAnswers({ server_name: 'matrix.example.org' });
    let scans = 0;
    const exec = new FakeExecutor([[['ss'], () => ({ stdout: ss(++scans < 3 ? [80] : [80, 443, 8448]) })]]);
    await nginxHttpsStep.verify!({ ...(context(answers, []) as object), exec } as never);
    assert.equal(scans, 3);
  });

  it('prints the delegation files when server_name is served elsewhere', async () => {
    const notes: string[] = [];
    const ctx = { ...(context(testAnswers({ delegation: 'none' }), [80, 443]) as object), note: (m: string) => notes.push(m) } as never;
    await nginxHttpsStep.verify!(ctx);
    assert.match(notes.join('\n'), /https:\/\/example\.org\/\.well-known\/matrix\/server:\n\s+\{"m\.server":"matrix\.example\.org:443"\}/);
    assert.match(notes.join('\n'), /Access-Control-Allow-Origin: \*/);
  });
});
