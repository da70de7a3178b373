import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import { parseProcNetTcp, parseSsListeners, scanListeners, socketOwners } from '../../src/host/ports.js';

// `ss -Hltnp` on a server with nginx, a stray apache2, systemd-resolved and a Docker container.
const SS_OUTPUT = `LISTEN 0      511          0.0.0.0:80         0.0.0.0:*    users:(("nginx",pid=1235,fd=6),("nginx",pid=1234,fd=6))
LISTEN 0      4096   127.0.0.53%lo:53         0.0.0.0:*    users:(("systemd-resolve",pid=512,fd=14))
LISTEN 0      128          0.0.0.0:22         0.0.0.0:*    users:(("sshd",pid=800,fd=3))
LISTEN 0      511             [::]:80            [::]:*    users:(("nginx",pid=1235,fd=7),("nginx",pid=1234,fd=7))
LISTEN 0      511                *:443              *:*    users:(("apache2",pid=900,fd=4),("apache2",pid=901,fd=4))
LISTEN 0      4096         0.0.0.0:8448       0.0.0.0:*    users:(("docker-proxy",pid=3001,fd=4))
LISTEN 0      244        127.0.0.1:5432       0.0.0.0:*
LISTEN 0      4096  [fe80::1%eth0]:9000          [::]:*    users:(("weird name",pid=42,fd=3))
garbage line without addresses
`;

test('parses ss listeners with their processes', () => {
  const listeners = parseSsListeners(SS_OUTPUT);
  assert.equal(listeners.length, 8);
  assert.deepEqual(listeners[0], {
    port: 80,
    address: '0.0.0.0',
    holders: [
      { name: 'nginx', pid: 1235 },
      { name: 'nginx', pid: 1234 },
    ],
  });
  assert.deepEqual(listeners[1], { port: 53, address: '127.0.0.53', holders: [{ name: 'systemd-resolve', pid: 512 }] });
  assert.equal(listeners[3].address, '::');
  assert.equal(listeners[4].address, '*');
  assert.deepEqual(listeners[4].holders.map((h) => h.name), ['apache2', 'apache2']);
  assert.deepEqual(listeners[5].holders, [{ name: 'docker-proxy', pid: 3001 }]);
  assert.deepEqual(listeners[6], { port: 5432, address: '127.0.0.1', holders: [] });
  assert.deepEqual(listeners[7], { port: 9000, address: 'fe80::1', holders: [{ name: 'weird name', pid: 42 }] });
});

test('parses an empty ss output as no listeners', () => {
  assert.deepEqual(parseSsListeners(''), []);
});

const PROC_TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000:0050 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1 0000000000000000 100 0 0 10 0
   1: 0100007F:1538 00000000:0000 0A 00000000:00000000 00:00000000 00000000   105        0 4343 1 0000000000000000 100 0 0 10 0
   2: 0100007F:A3E2 0100007F:36B0 01 00000000:00000000 02:00000040 00000000     0        0 30469 4 0000000000000000 20 4 0 18 -1
`;
const PROC_TCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000000000000:01BB 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5151 1 0000000000000000 100 0 0 10 0
   1: 00000000000000000000000001000000:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5252 1 0000000000000000 100 0 0 10 0
`;

test('parses /proc/net/tcp and tcp6 listening sockets only', () => {
  assert.deepEqual(parseProcNetTcp(PROC_TCP), [
    { port: 80, address: '0.0.0.0', inode: '4242' },
    { port: 5432, address: '127.0.0.1', inode: '4343' },
  ]);
  assert.deepEqual(parseProcNetTcp(PROC_TCP6), [
    { port: 443, address: '::', inode: '5151' },
    { port: 80, address: '::1', inode: '5252' },
  ]);
});

test('scanListeners uses ss when it answers', async () => {
  const calls: string[][] = [];
  const scan = await scanListeners(async (argv) => {
    calls.push(argv);
    return SS_OUTPUT;
  });
  assert.deepEqual(calls, [['ss', '-Hltnp']]);
  assert.equal(scan.source, 'ss');
  assert.equal(scan.listeners.length, 8);
});

test('without ss, scanListeners reads /proc and finds the owning process', async (t) => {
  if (process.platform !== 'linux') return t.skip('needs /proc (Linux)');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = (server.address() as AddressInfo).port;
    const scan = await scanListeners(async () => undefined);
    assert.equal(scan.source, 'proc');
    const mine = scan.listeners.find((listener) => listener.port === port);
    assert.ok(mine, `port ${port} not found`);
    assert.equal(mine.address, '127.0.0.1');
    assert.ok(mine.holders.some((holder) => holder.pid === process.pid), JSON.stringify(mine.holders));
  } finally {
    server.close();
  }
});

test('socketOwners returns nothing for no inodes or an unreadable /proc', async () => {
  assert.equal((await socketOwners(new Set())).size, 0);
  assert.equal((await socketOwners(new Set(['1']), '/nonexistent-proc')).size, 0);
});

test('the systemd unit of a process, from its cgroup', async () => {
  const { unitFromCgroup } = await import('../../src/host/ports.js');
  assert.equal(unitFromCgroup('0::/system.slice/matrix-synapse.service\n'), 'matrix-synapse.service');
  assert.equal(unitFromCgroup('12:pids:/system.slice/postgresql@15-main.service\n0::/system.slice/postgresql@15-main.service\n'), 'postgresql@15-main.service');
  assert.equal(unitFromCgroup('0::/user.slice/user-1000.slice/session-3.scope\n'), undefined);
  assert.equal(unitFromCgroup(''), undefined);
});
