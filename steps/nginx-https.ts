import type { Answers } from '../src/answers/types.js';
import type { Action, RunContext, Step } from '../src/engine/types.js';
import type { Target } from '../src/host/target.js';
import { StepError } from '../src/errors.js';
import { scanListeners } from '../src/host/ports.js';
import { executorProbe } from '../src/host/probe.js';
import { edgeLayout, nginxPaths } from './edge/edge-layout.js';
import { selinuxForNginxTask } from './edge/selinux.js';
import { applyNginxConfigTask, type NginxConfigChange } from './nginx/apply-nginx-config.js';
import { NGINX_STAMP_DIR } from './nginx/nginx-control.js';
import { placeholderCertificateActions, unknownNamesFor } from './nginx/unknown-names.js';
import { nginxHttpsVhosts } from './templates/nginx-https-vhosts.js';

/**
 * The HTTPS side: Synapse's client (and federation) API, the .well-known delegation files,
 * Element Web, and port 8448 when federation uses it. Tested with `nginx -t` before the
 * reload, rolled back when nginx rejects it.
 */
export const nginxHttpsStep: Step = {
  id: 'nginx-https',
  title: 'nginx on HTTPS',
  needs: ['tls-certificate', 'synapse-service', 'element-web'],
  plan({ answers, target }): Action[] {
    const layout = edgeLayout(answers);
    const actions: Action[] = [];
    if (target.family === 'rhel') actions.push(selinuxForNginxTask(layout.federation.kind === 'port-8448' ? [8448] : []));
    actions.push(...placeholderCertificateActions(target));
    actions.push(
      applyNginxConfigTask(`nginx on ${layout.ports.filter((port) => port !== 80).join(' and ')} for ${layout.names.join(', ')}`, nginxHttpsChange(answers, target)),
    );
    return actions;
  },
  async verify(ctx) {
    const layout = edgeLayout(ctx.answers);
    // nginx -t passed, but a reload that cannot bind a new port keeps the old configuration without failing.
    const missing = await portsNotListenedOn(ctx, layout.ports);
    if (missing && missing.length > 0) {
      throw new StepError(`nginx accepted the configuration, but nothing listens on port ${missing.join(', ')}.`, {
        hint: `See \`journalctl -u nginx -n 50\` and \`ss -ltnp\`: another program may hold the port${missing.length > 1 ? 's' : ''}. Free it and resume.`,
      });
    }
    const external = layout.externalWellKnown;
    if (external) {
      const files = [
        ...(external.server ? [`${external.url}server:\n    ${external.server}`] : []),
        `${external.url}client:\n    ${external.client}`,
      ];
      ctx.note(
        `${layout.serverName} is not served from this machine (delegation: none). For Matrix IDs ending in :${layout.serverName} to work, ` +
          `the web server of ${layout.serverName} must serve these files as application/json with the header "Access-Control-Allow-Origin: *":\n  ${files.join('\n  ')}`,
      );
    }
    if (layout.federation.kind === 'off') ctx.note('Federation is off: other Matrix servers cannot reach this one.');
  },
};

/** How long the nginx master gets after `systemctl reload` returns: it opens the new ports only once it has handled the signal. */
const RELOAD_SETTLE_MS = 2_000;

/**
 * The ports nothing listens on, asked again until the reload has taken effect or the settle
 * time is over; undefined when this machine has no way to list listeners.
 */
async function portsNotListenedOn(ctx: RunContext, ports: number[]): Promise<number[] | undefined> {
  const deadline = Date.now() + RELOAD_SETTLE_MS;
  for (;;) {
    const scan = await scanListeners(executorProbe(ctx.exec));
    if (scan.source === 'none') return undefined;
    const missing = ports.filter((port) => !scan.listeners.some((listener) => listener.port === port));
    if (missing.length === 0 || Date.now() >= deadline || ctx.signal.aborted) return missing;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The files of this step; the nginx directory and stamp directory move for tests. */
export function nginxHttpsChange(answers: Answers, target: Target, nginxRoot = '/etc/nginx', stampDir = NGINX_STAMP_DIR): NginxConfigChange {
  const paths = nginxPaths(target, nginxRoot);
  return {
    files: [{ path: paths.httpsFile, content: nginxHttpsVhosts(edgeLayout(answers), unknownNamesFor(target)) }],
    links: paths.httpsLink ? [{ path: paths.httpsLink, target: paths.httpsFile }] : [],
    stampFile: `${stampDir}/https.sha256`,
  };
}
