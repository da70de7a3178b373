import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { elementLayout, ELEMENT_WEB_VERSION, primaryFingerprints, sourceId, validSignatureKey } from '../../steps/edge/element-release.js';
import { elementWebStep } from '../../steps/element-web.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

describe('Element Web release', () => {
  it('latest means the pinned release, downloaded from GitHub with its signature', () => {
    const layout = elementLayout(testAnswers({ element: { enabled: true, host: 'element.example.org', version: 'latest' } }));
    assert.equal(layout.release, `element-v${ELEMENT_WEB_VERSION}`);
    assert.deepEqual(layout.source, {
      kind: 'release',
      version: ELEMENT_WEB_VERSION,
      url: `https://github.com/element-hq/element-web/releases/download/v${ELEMENT_WEB_VERSION}/element-v${ELEMENT_WEB_VERSION}.tar.gz`,
      signatureUrl: `https://github.com/element-hq/element-web/releases/download/v${ELEMENT_WEB_VERSION}/element-v${ELEMENT_WEB_VERSION}.tar.gz.asc`,
    });
    assert.equal(layout.current, '/var/www/element/current');
  });

  it('a local tarball takes its version from the answers, else its file name, else its checksum', () => {
    const sha256 = 'ab'.repeat(32);
    const at = (tarball: string, version = 'latest') => elementLayout(testAnswers({ element: { enabled: true, host: 'e.example.org', version, tarball, sha256 } })).release;
    assert.equal(at('/root/element-v1.11.90.tar.gz'), 'element-v1.11.90');
    assert.equal(at('/root/element.tar.gz', '1.11.91'), 'element-v1.11.91');
    assert.equal(at('/root/element.tar.gz'), 'element-sha256-abababababab');
    assert.equal(sourceId(elementLayout(testAnswers({ element: { enabled: true, host: 'e', tarball: '/x.tar.gz', sha256: sha256.toUpperCase() } })).source), `sha256 ${sha256}\n`);
  });

  it('reads primary fingerprints from gpg --with-colons (not subkeys)', () => {
    const colons = [
      'pub:-:4096:1:C7BE97EFA179B100:1550000000:::-:::scESC::::::23::0:',
      'fpr:::::::::712BFBEE92DCA45252DB17D7C7BE97EFA179B100:',
      'uid:-::::1550000000::HASH::Element Releases <releases@element.io>::::::::::0:',
      'sub:-:4096:1:1111111111111111:1550000000::::::s::::::23:',
      'fpr:::::::::AAAABBBBCCCCDDDDEEEEFFFF0000111122223333:',
    ].join('\n');
    assert.deepEqual(primaryFingerprints(colons), ['712BFBEE92DCA45252DB17D7C7BE97EFA179B100']);
  });

  it('takes the primary key of a good signature from VALIDSIG, also when a subkey signed', () => {
    const status = '[GNUPG:] NEWSIG\n[GNUPG:] GOODSIG 1111111111111111 Element\n[GNUPG:] VALIDSIG AAAABBBBCCCCDDDDEEEEFFFF0000111122223333 2025-01-01 1735689600 0 4 0 1 10 00 712BFBEE92DCA45252DB17D7C7BE97EFA179B100\n';
    assert.equal(validSignatureKey(status), '712BFBEE92DCA45252DB17D7C7BE97EFA179B100');
    assert.equal(validSignatureKey('[GNUPG:] BADSIG 1111 Element\n'), undefined);
  });

  it('is skipped when disabled; otherwise directory, install, config.json, switch', () => {
    assert.equal(elementWebStep.skip?.({ answers: testAnswers({ element: { enabled: false } }), target: testTarget() })?.en, 'element.enabled is false');
    const kinds = elementWebStep.plan({ answers: testAnswers(), target: testTarget() }).map((a) => a.kind);
    assert.deepEqual(kinds, ['directory', 'task', 'file', 'task']);
  });
});
