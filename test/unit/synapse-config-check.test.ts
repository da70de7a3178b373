// The config check before Synapse (re)starts is left out when the running Synapse started after
// every file it reads last changed (it takes Synapse about two seconds; a no-op run must be fast).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { RunContext } from '../../src/engine/types.js';
import { activeSince, configCheckTask, filesSynapseReads } from '../../steps/synapse/config-check.js';
import { synapseLayout, type SynapseLayout } from '../../steps/synapse/sources.js';
import { testAnswers, testTarget } from '../helpers/answers.js';
import { FakeExecutor } from '../helpers/fake-executor.js';

const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-config-check-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function layoutIn(root: string): SynapseLayout {
  const base = synapseLayout(testAnswers({ synapse: { install: 'distro' } }), testTarget('debian-unstable'));
  mkdirSync(join(root, 'conf.d'), { recursive: true });
  const layout = { ...base, homeserverYaml: join(root, 'homeserver.yaml'), confDir: join(root, 'conf.d'), logConfig: join(root, 'log.yaml'), signingKey: join(root, 'signing.key') };
  for (const path of [layout.homeserverYaml, join(layout.confDir, 'zz-matrix-setup.yaml'), layout.logConfig, layout.signingKey]) writeFileSync(path, 'x');
  const past = new Date(Date.UTC(2026, 0, 1));
  for (const path of filesSynapseReads(layout)) utimesSync(path, past, past);
  return layout;
}

function context(exec: FakeExecutor): RunContext {
  return { answers: testAnswers(), target: testTarget(), exec, note() {}, warn() {}, emit() {}, signal: new AbortController().signal } as unknown as RunContext;
}

const show = (seconds: number, state = 'active') => `ActiveState=${state}\nActiveEnterTimestamp=@${seconds}\n`;
const JAN_2 = Date.UTC(2026, 0, 2) / 1000;

describe('the Synapse config check', () => {
  it('reads when the unit became active', () => {
    assert.equal(activeSince(show(JAN_2)), JAN_2 * 1000);
    assert.equal(activeSince(show(JAN_2, 'activating')), undefined);
    assert.equal(activeSince('ActiveState=active\nActiveEnterTimestamp=Fri 2026-01-02 00:00:00 UTC\n'), undefined, 'an older systemd without --timestamp=unix: check');
  });

  it('is left out while Synapse runs since before the files last changed, and runs once one changes', async () => {
    const layout = layoutIn(join(dir, 'unchanged'));
    const exec = new FakeExecutor([[['systemctl', 'show'], { stdout: show(JAN_2) }]]);
    assert.equal(await configCheckTask(layout).check(context(exec)), true);
    assert.ok(!exec.calls.some((c) => c.argv.includes('synapse.config')), 'Synapse was not asked');

    writeFileSync(join(layout.confDir, 'zz-matrix-setup.yaml'), 'changed');
    await configCheckTask(layout).check(context(exec));
    assert.ok(exec.calls.some((c) => c.argv.includes('synapse.config')), 'a changed drop-in is checked');
  });

  it('runs when Synapse is not running', async () => {
    const layout = layoutIn(join(dir, 'stopped'));
    const exec = new FakeExecutor([[['systemctl', 'show'], { stdout: show(JAN_2, 'failed') }]]);
    await configCheckTask(layout).check(context(exec));
    assert.ok(exec.calls.some((c) => c.argv.includes('synapse.config')));
  });
});
