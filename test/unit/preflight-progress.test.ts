// The wizard's preflight list fills in as the facts arrive: gatherHostFacts reports what it
// has, and each check shows its result once the facts it reads are in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gatherHostFacts, type GatherProgress } from '../../src/host/facts.js';
import type { CommandProbe } from '../../src/host/probe.js';
import type { PreflightItem } from '../../src/ui/engine-port.js';
import { preflightItems } from '../../src/ui/preflight-progress.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

test('facts are reported as they come in; each check shows once its own facts are there', async () => {
  let releaseSs!: () => void;
  const ssHeld = new Promise<void>((resolve) => (releaseSs = resolve));
  const probe: CommandProbe = async (argv) => {
    if (argv[0] === 'ss') {
      await ssHeld;
      return 'LISTEN 0 511 0.0.0.0:80 0.0.0.0:* users:(("apache2",pid=10,fd=6))\n';
    }
    if (argv[0] === 'timedatectl') return 'yes\n';
    return undefined;
  };
  const answers = testAnswers({ server_name: 'example.org', synapse_host: 'example.org', element: { enabled: false } });
  const snapshots: Array<{ settled: string[]; items: PreflightItem[] }> = [];
  const gathering = gatherHostFacts({
    probe,
    names: ['example.org'],
    resolver: { resolve4: async () => ['203.0.113.7'], resolve6: async () => [] },
    onProgress: (progress: GatherProgress) => snapshots.push({ settled: [...progress.settled], items: preflightItems(progress, answers, testTarget('debian-12')) }),
  });
  // Until ss answers, the port checks wait; everything else is in.
  for (let i = 0; i < 200 && !snapshots.some((s) => s.settled.length === 4); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  const first = snapshots[0]!;
  assert.deepEqual(first.settled, [], 'the instant facts come first');
  const status = (items: PreflightItem[], id: string) => items.find((item) => item.id === id)?.status;
  assert.notEqual(status(first.items, 'memory'), 'pending');
  assert.equal(status(first.items, 'port-80'), 'pending');
  assert.equal(status(first.items, 'dns:example.org'), 'pending');
  const beforePorts = snapshots.at(-1)!;
  assert.equal(beforePorts.settled.includes('ports'), false);
  assert.equal(status(beforePorts.items, 'port-80'), 'pending');
  assert.equal(status(beforePorts.items, 'clock'), 'pass');
  assert.notEqual(status(beforePorts.items, 'dns:example.org'), 'pending');
  releaseSs();
  await gathering;
  const last = snapshots.at(-1)!;
  assert.equal(status(last.items, 'port-80'), 'fail', 'apache2 holds port 80');
  assert.equal(last.items.filter((item) => item.status === 'pending').length, 0);
});
