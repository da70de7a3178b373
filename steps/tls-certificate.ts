import { chmodSync } from 'node:fs';
import type { Action, RunContext, Step, TaskAction } from '../src/engine/types.js';
import type { Answers } from '../src/answers/types.js';
import { StepError } from '../src/errors.js';
import { checkCertificateFiles } from '../src/tls/certificate-check.js';
import { packagesFromEpel } from './base-packages.js';
import { certificateTask, defaultRequest } from './edge/certbot.js';
import { ACME_WEBROOT, edgeLayout, SELF_SIGNED_DIR, type EdgeLayout } from './edge/edge-layout.js';

const SELF_SIGNED_WARNING =
  'The certificate is self-signed: fine for a trial, but other Matrix servers refuse to federate with it and most clients and browsers refuse or warn. Switch tls.mode to letsencrypt (or existing) for real use.';

/**
 * One certificate for every name served here (see edge-layout.ts):
 * letsencrypt — certbot through the port-80 webroot, renewed by the distro's timer, nginx
 * reloaded by a deploy hook; existing — the given files, checked; self-signed — made here.
 */
export const tlsCertificateStep: Step = {
  id: 'tls-certificate',
  title: 'TLS certificate',
  needs: ['nginx-http'],
  plan({ answers, target }): Action[] {
    const layout = edgeLayout(answers);
    switch (answers.tls.mode) {
      case 'letsencrypt':
        return [
          packagesFromEpel(target, ['certbot']),
          { kind: 'directory', path: ACME_WEBROOT, mode: 0o755, owner: 'root', group: 'root' },
          certificateTask(
            defaultRequest({
              certName: layout.certificate.name,
              names: layout.names,
              email: answers.tls.email ?? '',
              server: answers.tls.acme_directory,
              webroot: ACME_WEBROOT,
              caBundle: answers.tls.acme_ca_bundle,
            }),
          ),
          // Debian and Ubuntu enable certbot.timer with the package; EPEL's certbot-renew.timer starts disabled.
          { kind: 'service', unit: target.family === 'debian' ? 'certbot.timer' : 'certbot-renew.timer', enable: true, start: true, onChange: 'restart' },
        ];
      case 'existing':
        return [existingCertificateTask(answers, layout)];
      case 'self-signed':
        return [
          { kind: 'directory', path: SELF_SIGNED_DIR, mode: 0o700, owner: 'root', group: 'root' },
          { kind: 'directory', path: `${SELF_SIGNED_DIR}/${layout.certificate.name}`, mode: 0o700, owner: 'root', group: 'root' },
          selfSignedTask(layout),
        ];
    }
  },
  async verify(ctx) {
    const layout = edgeLayout(ctx.answers);
    const report = checkCertificateFiles(layout.certificate.fullchain, layout.certificate.privkey, layout.names);
    if (report.problems.length) {
      throw new StepError(`The certificate cannot be used: ${report.problems.join('; ')}.`, { hint: certificateHint(ctx.answers) });
    }
    for (const warning of report.warnings) ctx.warn(`${warning}.`);
    if (ctx.answers.tls.mode === 'self-signed') ctx.warn(SELF_SIGNED_WARNING);
  },
};

function certificateHint(answers: Answers): string {
  if (answers.tls.mode === 'existing') return 'Give tls.cert_path (full chain) and tls.key_path of a current certificate that names every host, then resume.';
  return 'Resume to request it again; certbot\'s log is /var/log/letsencrypt/letsencrypt.log.';
}

function existingCertificateTask(answers: Answers, layout: EdgeLayout): TaskAction {
  const { fullchain, privkey } = layout.certificate;
  return {
    kind: 'task',
    description: `Check ${fullchain} and ${privkey}: the key matches, ${layout.names.join(', ')} covered, not expired`,
    shows: [],
    check: async (ctx) => {
      const report = checkCertificateFiles(fullchain, privkey, layout.names);
      for (const warning of report.warnings) ctx.warn(`${warning}; renew it and replace the file.`);
      return report.problems.length === 0;
    },
    run: async () => {
      const report = checkCertificateFiles(fullchain, privkey, layout.names);
      throw new StepError(`tls: the existing certificate cannot be used: ${report.problems.join('; ')}.`, { hint: certificateHint(answers) });
    },
  };
}

export function selfSignedArgv(layout: EdgeLayout): string[] {
  return [
    'openssl', 'req', '-x509', '-newkey', 'rsa:3072', '-nodes', '-sha256', '-days', '365',
    '-subj', `/CN=${layout.names[0]}`,
    '-addext', `subjectAltName=${layout.names.map((name) => `DNS:${name}`).join(',')}`,
    '-keyout', layout.certificate.privkey,
    '-out', layout.certificate.fullchain,
  ];
}

function selfSignedTask(layout: EdgeLayout): TaskAction {
  const argv = selfSignedArgv(layout);
  return {
    kind: 'task',
    description: `Make a self-signed certificate for ${layout.names.join(', ')} (trials only)`,
    shows: [{ argv, when: 'when there is none for these names, or it expires within 14 days' }],
    check: async () => {
      const report = checkCertificateFiles(layout.certificate.fullchain, layout.certificate.privkey, layout.names);
      return report.problems.length === 0 && report.warnings.length === 0;
    },
    run: async (ctx: RunContext) => {
      await ctx.exec.run(argv, { timeoutMs: 120_000 });
      chmodSync(layout.certificate.privkey, 0o600);
    },
  };
}
