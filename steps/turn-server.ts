import type { Action, RunContext, Step } from '../src/engine/types.js';
import { machineAddresses } from '../src/host/addresses.js';
import { secretToken } from '../src/secrets/tokens.js';
import { packagesFromEpel } from './base-packages.js';
import { certificateCopyTask } from './coturn/certificate-copy.js';
import { certificateSource, coturnLayout } from './coturn/layout.js';
import { coturnConfig } from './templates/coturn-config.js';
import { coturnDeployHook } from './templates/coturn-deploy-hook.js';

export const DEPLOY_HOOK = '/etc/letsencrypt/renewal-hooks/deploy/matrix-setup-coturn';

/**
 * coturn from the distro (EPEL on the RHEL family), configured for Synapse's shared-secret
 * credentials, TURN over TLS with synapse_host's certificate, and the relay hardening coturn
 * and Synapse recommend. Without turn.external_ip, coturn relays on the address each client
 * reached it on, which is right when the public address is on this machine; behind NAT the
 * answers must give it (verify warns when no public address is found).
 */
export const turnServerStep: Step = {
  id: 'turn-server',
  title: 'TURN server (coturn)',
  needs: ['base-packages', 'tls-certificate'],
  skip({ answers }) {
    return answers.turn.enabled ? undefined : 'turn.enabled is false';
  },
  plan({ answers, target }): Action[] {
    const layout = coturnLayout(target);
    const source = certificateSource(answers);
    const actions: Action[] = [packagesFromEpel(target, [layout.package])];
    if (source) {
      actions.push(
        { kind: 'directory', path: '/etc/coturn', mode: 0o755, owner: 'root', group: 'root' },
        { kind: 'directory', path: layout.tlsDir, mode: 0o750, owner: 'root', group: layout.group },
        certificateCopyTask(source, layout),
      );
      if (source.lineage) {
        actions.push(
          { kind: 'directory', path: '/etc/letsencrypt/renewal-hooks/deploy', mode: 0o755, owner: 'root', group: 'root' },
          { kind: 'file', path: DEPLOY_HOOK, content: coturnDeployHook(source.lineage, layout), mode: 0o755, owner: 'root', group: 'root' },
        );
      }
    }
    const config = coturnConfig({
      realm: answers.server_name,
      sharedSecret: secretToken('turn_shared_secret'),
      minPort: answers.turn.min_port,
      maxPort: answers.turn.max_port,
      externalIp: answers.turn.external_ip,
      privateIp: answers.turn.private_ip,
      tls: source ? { cert: layout.certFile, key: layout.keyFile } : undefined,
      coturnVersion: layout.version,
    });
    actions.push(
      { kind: 'file', path: layout.configFile, content: config, mode: 0o640, owner: 'root', group: layout.group, notify: [layout.unit] },
      { kind: 'service', unit: layout.unit, enable: true, start: true, onChange: 'restart' },
    );
    return actions;
  },
  async verify(ctx) {
    warnWithoutPublicAddress(ctx);
  },
};

function warnWithoutPublicAddress(ctx: RunContext): void {
  if (ctx.answers.turn.external_ip) return;
  const publicV4 = machineAddresses().filter((a) => a.family === 4 && a.public);
  if (publicV4.length > 0) {
    ctx.note(`coturn relays on this machine's public address ${publicV4.map((a) => a.address).join(', ')}.`);
    return;
  }
  ctx.warn(
    'This machine has no public IPv4 address of its own, so it is probably behind NAT: calls through the TURN server ' +
      'only work once turn.external_ip (the public address) and turn.private_ip (this machine\'s address it maps to) are set.',
  );
}
