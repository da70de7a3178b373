import { readFileSync } from 'node:fs';
import type { Step } from '../../src/engine/types.js';
import { parseRenewalConfig, type RenewalConfig } from '../../src/adopt/certbot-renewal.js';
import { certbotEnv, defaultRequest } from '../edge/certbot.js';
import { ACME_WEBROOT, DEPLOY_HOOK, edgeLayout, LETSENCRYPT_DIR } from '../edge/edge-layout.js';
import { adoptStepText as t } from '../../src/i18n/messages/steps-adopt.js';
import { joinLocalized, type Localized } from '../../src/i18n/localized.js';

/** Why a lineage's renewal would not work behind matrix-setup's nginx; empty when it renews as matrix-setup's own. */
export function renewalDifferences(config: RenewalConfig): Localized[] {
  const differences: Localized[] = [];
  if (config.authenticator !== 'webroot') differences.push(t.renewsWith({ authenticator: config.authenticator ?? t.unknown }));
  const roots = [...(config.webrootPath ?? []), ...Object.values(config.webrootMap)];
  if (config.authenticator === 'webroot' && (roots.length === 0 || roots.some((root) => root.replace(/\/+$/, '') !== ACME_WEBROOT))) {
    differences.push(t.webrootIs({ roots: [...new Set(roots)].join(', ') || t.notSet }));
  }
  if (config.installer) differences.push(t.installerEdits({ installer: config.installer }));
  if ((config.deployHook ?? config.renewHook) !== DEPLOY_HOOK) differences.push(t.noReload);
  return differences;
}

/**
 * A certificate certbot already renews for the Synapse host (the lineage adopting keeps) is
 * switched to the way matrix-setup renews: through the ACME webroot of its port-80 vhost,
 * with nginx reloaded after each renewal. Without this, a lineage made with `--nginx` or
 * another webroot would fail its next renewal once the hand-written vhost is gone.
 * `certbot reconfigure` checks the new settings with a dry run before saving them.
 */
export const adoptCertificateRenewalStep: Step = {
  id: 'adopt-certificate-renewal',
  title: t.renewalTitle,
  needs: ['nginx-http'],
  skip({ answers }) {
    return answers.tls.mode === 'letsencrypt' ? undefined : t.tlsModeIs({ mode: answers.tls.mode });
  },
  plan({ answers }) {
    const name = edgeLayout(answers).certificate.name;
    const renewal = `${LETSENCRYPT_DIR}/renewal/${name}.conf`;
    const argv = ['certbot', 'reconfigure', '--cert-name', name, '--webroot', '-w', ACME_WEBROOT, '--deploy-hook', DEPLOY_HOOK, '--non-interactive'];
    const request = defaultRequest({ certName: name, names: [], email: '', server: answers.tls.acme_directory, webroot: ACME_WEBROOT, caBundle: answers.tls.acme_ca_bundle });
    const read = (): RenewalConfig | undefined => {
      try {
        return parseRenewalConfig(name, readFileSync(renewal, 'utf8'));
      } catch {
        return undefined;
      }
    };
    return [
      {
        kind: 'task',
        description: t.renewalTask({ name, webroot: ACME_WEBROOT, renewal }),
        shows: [{ argv, when: joinLocalized([t.whenRenewal({ renewal }), answers.tls.acme_ca_bundle ? t.withCaBundle({ bundle: answers.tls.acme_ca_bundle }) : ''], '') }],
        check: async () => {
          const config = read();
          return !config || renewalDifferences(config).length === 0;
        },
        run: async (ctx) => {
          const before = renewalDifferences(read()!);
          await ctx.exec.run(argv, {
            env: certbotEnv(request),
            timeoutMs: 5 * 60_000,
            hint: t.renewalHint({ directory: answers.tls.acme_directory, name }),
          });
          ctx.note(t.renewsNow({ name, before: joinLocalized(before, '; ') }));
        },
      },
    ];
  },
};
