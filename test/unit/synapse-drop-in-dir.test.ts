import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { synapseConfDir } from '../../steps/coturn/synapse-drop-in.js';
import { synapseLayout } from '../../steps/synapse/sources.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

// The TURN and email drop-ins are only read if Synapse is started with their directory.
describe('Synapse drop-in directory', () => {
  for (const [install, target] of [['apt', 'debian-12'], ['distro', 'debian-unstable'], ['venv', 'rocky-9'], ['venv', 'debian-12']] as const) {
    it(`${install} on ${target}: Synapse is started with the directory the drop-ins go to`, () => {
      const layout = synapseLayout(testAnswers({ synapse: { install } }), testTarget(target));
      const dir = synapseConfDir(layout).replace(/\/$/, '');
      assert.ok(layout.configPaths.some((path) => path.replace(/\/$/, '') === dir), `${layout.configPaths.join(' ')} lacks ${dir}`);
    });
  }
});
