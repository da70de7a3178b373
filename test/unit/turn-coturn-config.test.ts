import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { expandMachineAddresses, THIS_MACHINE_ADDRESS } from '../../src/host/machine-address-token.js';
import { replaceSecretTokens } from '../../src/secrets/tokens.js';
import { certificateSource, coturnLayout, coturnVersion } from '../../steps/coturn/layout.js';
import { firewalldSpec, turnPorts, ufwAllowed, ufwSpec } from '../../steps/coturn/firewall.js';
import { coturnConfig, coturnOptionsFor, DENIED_PEER_RANGES } from '../../steps/templates/coturn-config.js';
import { coturnDeployHook } from '../../steps/templates/coturn-deploy-hook.js';
import { synapseTurnYaml, turnUris } from '../../steps/templates/synapse-turn.js';
import { turnServerStep } from '../../steps/turn-server.js';
import { turnSynapseStep } from '../../steps/turn-synapse.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

const lines = (text: string) => text.split('\n');

describe('coturn config', () => {
  const base = { realm: 'example.org', sharedSecret: '<<secret:turn_shared_secret>>', minPort: 49152, maxPort: 49999 };

  it('uses the shared secret, realm and relay range', () => {
    const text = lines(coturnConfig(base));
    for (const line of ['use-auth-secret', 'static-auth-secret=<<secret:turn_shared_secret>>', 'realm=example.org', 'min-port=49152', 'max-port=49999', 'listening-port=3478']) {
      assert.ok(text.includes(line), line);
    }
  });

  it('carries the hardening coturn and Synapse recommend', () => {
    const text = lines(coturnConfig(base));
    for (const line of ['no-multicast-peers', 'no-tcp-relay', 'denied-peer-ip=10.0.0.0-10.255.255.255', 'denied-peer-ip=127.0.0.0-127.255.255.255', 'denied-peer-ip=192.168.0.0-192.168.255.255', 'denied-peer-ip=172.16.0.0-172.31.255.255', 'denied-peer-ip=::1', 'denied-peer-ip=fc00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff']) {
      assert.ok(text.includes(line), line);
    }
    assert.equal(text.filter((l) => l.startsWith('denied-peer-ip=')).length, DENIED_PEER_RANGES.length + 1, 'the ranges and this machine\'s addresses');
    assert.ok(!text.some((l) => l.startsWith('allowed-peer-ip') || l === 'allow-loopback-peers'));
  });

  it("denies relaying to this machine's own addresses: external_ip, private_ip and each address on its interfaces", () => {
    const text = coturnConfig({ ...base, externalIp: '198.51.100.7', privateIp: '10.0.0.5' });
    assert.ok(lines(text).includes('denied-peer-ip=198.51.100.7') && lines(text).includes('denied-peer-ip=10.0.0.5'));
    assert.ok(lines(text).includes(`denied-peer-ip=${THIS_MACHINE_ADDRESS}`), 'the plan names the token, the same on every machine');
    const written = lines(expandMachineAddresses(text, () => ['203.0.113.9', '2001:db8::9', '10.1.2.3']));
    for (const address of ['203.0.113.9', '2001:db8::9', '10.1.2.3']) assert.ok(written.includes(`denied-peer-ip=${address}`), address);
    assert.ok(!written.some((line) => line.includes(THIS_MACHINE_ADDRESS)));
    assert.ok(!lines(expandMachineAddresses(text, () => [])).some((line) => line.includes(THIS_MACHINE_ADDRESS)), 'no address: no line');
  });

  it('the engine fills in the addresses when it writes the file', async () => {
    const { stepRuntime } = await import('../../src/engine/step-runtime.js');
    const { env } = stepRuntime({ secrets: { get: () => 'x' }, logger: { redact: (t: string) => t } } as never, 'turn-server', () => {});
    const resolved = env.resolveSecrets(`denied-peer-ip=${THIS_MACHINE_ADDRESS}\nstatic-auth-secret=<<secret:turn_shared_secret>>\n`);
    assert.doesNotMatch(resolved, /this-machine/);
    assert.match(resolved, /static-auth-secret=x/);
  });

  it('writes external-ip as PUBLIC/PRIVATE behind NAT, PUBLIC alone otherwise, and nothing when not given', () => {
    assert.ok(lines(coturnConfig({ ...base, externalIp: '198.51.100.7', privateIp: '10.0.0.5' })).includes('external-ip=198.51.100.7/10.0.0.5'));
    assert.ok(lines(coturnConfig({ ...base, externalIp: '198.51.100.7' })).includes('external-ip=198.51.100.7'));
    assert.ok(!coturnConfig(base).includes('external-ip'));
  });

  it('listens for TLS with the certificate, or turns TLS and DTLS off without one', () => {
    const tls = lines(coturnConfig({ ...base, tls: { cert: '/etc/coturn/tls/fullchain.pem', key: '/etc/coturn/tls/privkey.pem' } }));
    assert.ok(tls.includes('tls-listening-port=5349') && tls.includes('cert=/etc/coturn/tls/fullchain.pem') && tls.includes('pkey=/etc/coturn/tls/privkey.pem'));
    assert.ok(!tls.includes('no-tls'));
    const plain = lines(coturnConfig({ ...base, coturnVersion: '4.6.1' }));
    assert.ok(plain.includes('no-tls') && plain.includes('no-dtls') && !plain.some((l) => l.startsWith('cert=')));
  });
});

describe('coturn options by version', () => {
  const base = { realm: 'example.org', sharedSecret: '<<secret:turn_shared_secret>>', minPort: 49152, maxPort: 49999, tls: { cert: '/c.pem', key: '/k.pem' } };
  const GONE_IN_4_7 = ['no-tlsv1', 'no-tlsv1_1', 'no-stun-backward-compatibility'];
  const DEFAULT_SINCE_4_7 = ['no-software-attribute', 'no-rfc5780', 'response-origin-only-with-rfc5780'];

  it('spells out TLS 1.2+, no old STUN, no RFC 5780 and no version for coturn before 4.7', () => {
    for (const version of ['4.5.2', '4.6.1', '4.6.3']) {
      const text = lines(coturnConfig({ ...base, coturnVersion: version }));
      for (const option of [...GONE_IN_4_7, ...DEFAULT_SINCE_4_7, 'no-cli']) assert.ok(text.includes(option), `${version}: ${option}`);
    }
  });

  it('writes no option coturn 4.7 and later reject ("Bad configuration format") or only deprecate', () => {
    for (const version of ['4.7.0', '4.8.0', '4.18.0']) {
      const text = lines(coturnConfig({ ...base, coturnVersion: version }));
      for (const option of [...GONE_IN_4_7, ...DEFAULT_SINCE_4_7]) assert.ok(!text.includes(option), `${version}: ${option}`);
    }
    assert.ok(lines(coturnConfig({ ...base, coturnVersion: '4.9.0' })).includes('no-cli'), 'the CLI is on by default before 4.10');
    assert.ok(!lines(coturnConfig({ ...base, coturnVersion: '4.10.0' })).includes('no-cli'), 'no-cli is deprecated from 4.10');
    const plain = (version: string) => lines(coturnConfig({ ...base, tls: undefined, coturnVersion: version }));
    assert.ok(plain('4.16.0').includes('no-dtls') && plain('4.16.0').includes('no-tls'));
    assert.ok(!plain('4.17.0').includes('no-dtls') && plain('4.17.0').includes('no-tls'), 'DTLS is off by default from 4.17');
  });

  it('compares versions as numbers', () => {
    assert.deepEqual(coturnOptionsFor('4.10.1'), { legacyStunAndTls: false, noCli: false, noDtls: true });
    assert.deepEqual(coturnOptionsFor('4.6.10'), { legacyStunAndTls: true, noCli: true, noDtls: true });
    assert.deepEqual(coturnOptionsFor('5.0'), { legacyStunAndTls: false, noCli: false, noDtls: false });
  });

  it("chooses by the target's coturn package: Debian 12/13 and Ubuntu LTS < 4.7, unstable and EPEL >= 4.7", () => {
    const expected: Array<[string, string]> = [
      ['debian-12', '4.6.1'],
      ['debian-13', '4.6.1'],
      ['ubuntu-22.04', '4.5.2'],
      ['ubuntu-24.04', '4.6.1'],
      ['debian-unstable', '4.18.0'],
      ['rocky-9', '4.7.0'],
      ['rhel-8', '4.7.0'],
      ['centos-stream-10', '4.7.0'],
    ];
    for (const [id, version] of expected) assert.equal(coturnVersion(testTarget(id)), version, id);
    const configOf = (id: string) => {
      const actions = turnServerStep.plan({ answers: testAnswers({ turn: { enabled: true } }), target: testTarget(id) });
      const file = actions.find((a) => a.kind === 'file' && a.path.endsWith('turnserver.conf'));
      return file?.kind === 'file' ? lines(file.content) : [];
    };
    assert.ok(configOf('debian-12').includes('no-tlsv1'));
    for (const id of ['debian-unstable', 'rocky-9']) {
      assert.ok(configOf(id).includes('realm=example.org'), id);
      for (const option of GONE_IN_4_7) assert.ok(!configOf(id).includes(option), `${id}: ${option}`);
    }
    assert.ok(configOf('rocky-9').includes('no-cli'), 'EPEL may still ship a coturn before 4.10');
  });
});

describe('coturn layout and certificate', () => {
  it('follows each family\'s package', () => {
    assert.deepEqual([coturnLayout(testTarget('debian-12')).configFile, coturnLayout(testTarget('debian-12')).user], ['/etc/turnserver.conf', 'turnserver']);
    assert.deepEqual([coturnLayout(testTarget('rocky-9')).configFile, coturnLayout(testTarget('rocky-9')).user], ['/etc/coturn/turnserver.conf', 'coturn']);
  });

  it('takes the certificate of synapse_host, none when self-signed', () => {
    assert.equal(certificateSource(testAnswers())?.lineage, '/etc/letsencrypt/live/matrix.example.org');
    const existing = testAnswers({ tls: { mode: 'existing', cert_path: '/c.pem', key_path: '/k.pem' } });
    assert.deepEqual(certificateSource(existing), { cert: '/c.pem', key: '/k.pem' });
    assert.equal(certificateSource(testAnswers({ tls: { mode: 'self-signed' } })), undefined);
  });

  it('deploy hook only acts on its own lineage and restarts coturn', () => {
    const hook = coturnDeployHook('/etc/letsencrypt/live/matrix.example.org', coturnLayout(testTarget('debian-12')));
    assert.match(hook, /^#!\/bin\/sh\n/);
    assert.match(hook, /\[ "\$\{RENEWED_LINEAGE:-\}" = "\/etc\/letsencrypt\/live\/matrix.example.org" \] \|\| exit 0/);
    assert.match(hook, /install -m 0640 -o root -g turnserver "\$RENEWED_LINEAGE\/privkey.pem" \/etc\/coturn\/tls\/privkey.pem/);
    assert.match(hook, /systemctl try-restart coturn.service\n$/);
  });
});

describe('Synapse TURN drop-in', () => {
  it('lists turn: and turns: over udp and tcp with the secret and lifetime', () => {
    const yaml = replaceSecretTokens(synapseTurnYaml(testAnswers({ turn: { enabled: true } }), true), () => 's3cret');
    const config = parse(yaml) as Record<string, unknown>;
    assert.deepEqual(config.turn_uris, [
      'turn:matrix.example.org:3478?transport=udp',
      'turn:matrix.example.org:3478?transport=tcp',
      'turns:matrix.example.org:5349?transport=udp',
      'turns:matrix.example.org:5349?transport=tcp',
    ]);
    assert.equal(config.turn_shared_secret, 's3cret');
    assert.equal(config.turn_user_lifetime, '1d');
    assert.equal(config.turn_allow_guests, false);
  });

  it('offers no turns: without a certificate', () => {
    assert.ok(turnUris(testAnswers(), false).every((uri) => uri.startsWith('turn:')));
  });

  it('step writes the drop-in 0640 for Synapse and restarts it; moves it aside when TURN is off', () => {
    const target = testTarget('debian-12');
    const [file] = turnSynapseStep.plan({ answers: testAnswers({ turn: { enabled: true } }), target });
    assert.equal(file.kind, 'file');
    if (file.kind !== 'file') return;
    assert.equal(file.path, '/etc/matrix-synapse/conf.d/matrix-setup-turn.yaml');
    assert.equal(file.mode, 0o640);
    assert.deepEqual(file.notify, ['matrix-synapse.service']);
    const off = turnSynapseStep.plan({ answers: testAnswers(), target });
    assert.equal(off.length, 1);
    assert.equal(off[0].kind, 'task');
  });

  it('coturn step: package, certificate copy, hook, config, service; skipped when off', () => {
    const answers = testAnswers({ turn: { enabled: true } });
    assert.equal(turnServerStep.skip?.({ answers: testAnswers(), target: testTarget() }), 'turn.enabled is false');
    const actions = turnServerStep.plan({ answers, target: testTarget('rocky-9') });
    const packages = actions[0];
    assert.ok(packages.kind === 'packages' && packages.manager === 'dnf');
    assert.deepEqual(packages.names, ['coturn']);
    assert.deepEqual(packages.repositories?.map((r) => r.id), ['epel'], 'coturn comes from EPEL');
    const file = actions.find((a) => a.kind === 'file' && a.path === '/etc/coturn/turnserver.conf');
    assert.ok(file && file.kind === 'file' && file.group === 'coturn' && file.mode === 0o640);
    assert.ok(actions.some((a) => a.kind === 'file' && a.path === '/etc/letsencrypt/renewal-hooks/deploy/matrix-setup-coturn'));
    assert.equal(actions.at(-1)?.kind, 'service');
  });
});

describe('TURN firewall ports', () => {
  it('opens 3478, 5349 (with a certificate) and the relay range', () => {
    const rules = turnPorts(testAnswers({ turn: { enabled: true, min_port: 50000, max_port: 50100 } }));
    assert.deepEqual(rules.map(ufwSpec), ['3478/tcp', '3478/udp', '5349/tcp', '5349/udp', '50000:50100/udp']);
    assert.deepEqual(rules.map(firewalldSpec).at(-1), '50000-50100/udp');
    assert.equal(turnPorts(testAnswers({ tls: { mode: 'self-signed' }, turn: { enabled: true } })).length, 3);
  });

  it('reads allowed rules from ufw status', () => {
    const status = 'Status: active\n\nTo                         Action      From\n--                         ------      ----\n3478/udp                   ALLOW       Anywhere\n49152:65535/udp            ALLOW       Anywhere\n3478/udp (v6)              ALLOW       Anywhere (v6)\n22/tcp                     DENY        Anywhere\n';
    const allowed = ufwAllowed(status);
    assert.ok(allowed.has('3478/udp') && allowed.has('49152:65535/udp'));
    assert.ok(!allowed.has('22/tcp'));
  });
});
