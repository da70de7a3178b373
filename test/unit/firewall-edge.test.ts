import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunContext } from '../../src/engine/types.js';
import { cloudFirewallNote, firewalldCommands, openPortsTask, ufwIsActive, ufwMissingPorts } from '../../steps/edge/firewall.js';
import { httpPortLabelled, selinuxForNginxTask } from '../../steps/edge/selinux.js';
import { FakeExecutor } from '../helpers/fake-executor.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

const UFW_ACTIVE = `Status: active

To                         Action      From
--                         ------      ----
22/tcp                     ALLOW       Anywhere
80/tcp                     ALLOW       Anywhere
22/tcp (v6)                ALLOW       Anywhere (v6)
80/tcp (v6)                ALLOW       Anywhere (v6)
`;

function context(exec: FakeExecutor): RunContext {
  return { answers: testAnswers(), target: testTarget(), exec, note() {}, warn() {}, emit() {}, signal: new AbortController().signal } as unknown as RunContext;
}

describe('firewall', () => {
  it('reads ufw status', () => {
    assert.equal(ufwIsActive(UFW_ACTIVE), true);
    assert.equal(ufwIsActive('Status: inactive\n'), false);
    assert.deepEqual(ufwMissingPorts(UFW_ACTIVE, [80, 443, 8448]), [443, 8448]);
  });

  it('opens only the missing ports in an active ufw', async () => {
    const exec = new FakeExecutor([[['ufw', 'status'], { stdout: UFW_ACTIVE }]]);
    const task = openPortsTask([80, 443]);
    assert.equal(await task.check(context(exec)), false);
    await task.run(context(exec));
    assert.deepEqual(exec.changes(), [['ufw', 'allow', '443/tcp']]);
  });

  it('never touches a firewall that is off', async () => {
    const exec = new FakeExecutor([
      [['ufw', 'status'], { stdout: 'Status: inactive\n' }],
      [['firewall-cmd', '--state'], { exitCode: 252, stdout: 'not running' }],
    ]);
    const task = openPortsTask([80, 443, 8448]);
    assert.equal(await task.check(context(exec)), true);
    assert.deepEqual(exec.changes(), []);
    assert.match(cloudFirewallNote([80, 443, 8448], { kind: 'none' }), /none was turned on.*allow inbound 80\/tcp, 443\/tcp, 8448\/tcp/s);
  });

  it('opens services and ports permanently in a running firewalld, then reloads it', async () => {
    const exec = new FakeExecutor([
      [['ufw'], { exitCode: 127 }],
      [['firewall-cmd', '--state'], { stdout: 'running\n' }],
      [['firewall-cmd', '--permanent', '--query-service=http'], { exitCode: 0 }],
      [['firewall-cmd', '--permanent', '--query-service=https'], { exitCode: 1 }],
      [['firewall-cmd', '--permanent', '--query-port=8448/tcp'], { exitCode: 1 }],
    ]);
    await openPortsTask([80, 443, 8448]).run(context(exec));
    assert.deepEqual(exec.changes(), [['firewall-cmd', '--permanent', '--add-service=https', '--add-port=8448/tcp'], ['firewall-cmd', '--reload']]);
    assert.deepEqual(firewalldCommands([]), []);
  });
});

describe('SELinux for nginx', () => {
  const LIST = 'http_cache_port_t              tcp      8080, 8118, 8123, 10001-10010\nhttp_port_t                    tcp      80, 81, 443, 488, 8008, 8009, 8443, 9000\n';

  it('reads http_port_t from semanage port -l, ranges included', () => {
    assert.equal(httpPortLabelled(LIST, 443), true);
    assert.equal(httpPortLabelled(LIST, 8448), false);
    assert.equal(httpPortLabelled(LIST, 10005), false, 'a range of another type does not count');
    assert.equal(httpPortLabelled('http_port_t tcp 8440-8450\n', 8448), true);
  });

  it('does nothing unless SELinux is enforcing', async () => {
    const exec = new FakeExecutor([[['getenforce'], { stdout: 'Permissive\n' }]]);
    assert.equal(await selinuxForNginxTask([8448]).check(context(exec)), true);
  });

  it('sets the boolean and labels 8448 when enforcing', async () => {
    const exec = new FakeExecutor([
      [['getenforce'], { stdout: 'Enforcing\n' }],
      [['getsebool'], { stdout: 'httpd_can_network_relay --> off\n' }],
      [['semanage', 'port', '-l'], { stdout: LIST }],
    ]);
    const task = selinuxForNginxTask([8448]);
    assert.equal(await task.check(context(exec)), false);
    await task.run(context(exec));
    assert.deepEqual(exec.changes(), [['setsebool', '-P', 'httpd_can_network_relay', '1'], ['semanage', 'port', '-a', '-t', 'http_port_t', '-p', 'tcp', '8448']]);
  });
});
