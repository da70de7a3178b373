import { chmodSync } from 'node:fs';
import type { Action, RunContext, Step, TaskAction } from '../src/engine/types.js';
import type { Answers } from '../src/answers/types.js';
import { StepError } from '../src/errors.js';
import { checkCertificateFiles } from '../src/tls/certificate-check.js';
import { packagesFromEpel } from './base-packages.js';
import { certificateTask, defaultRequest } from './edge/certbot.js';
import { ACME_WEBROOT, edgeLayout, SELF_SIGNED_DIR, type EdgeLayout } from './edge/edge-layout.js';
import { edgeText as t } from '../src/i18n/messages/steps-edge.js';
import { joinLocalized, type Localized } from '../src/i18n/localized.js';


/**
 * One certificate for every name served here (see edge-layout.ts):
 * letsencrypt — certbot through the port-80 webroot, renewed by the distro's timer, nginx
 * reloaded by a deploy hook; existing — the given files, checked; self-signed — made here.
 */
export const tlsCertificateStep: Step = {
  id: 'tls-certificate',
  title: t.tlsTitle,
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
      throw new StepError(t.unusable({ problems: joinLocalized(report.problems, '; ') }), { hint: certificateHint(ctx.answers) });
    }
    for (const warning of report.warnings) ctx.warn(t.sentence({ text: warning }));
    if (ctx.answers.tls.mode === 'self-signed') ctx.warn(t.selfSignedWarning);
  },
};

function certificateHint(answers: Answers): Localized {
  return answers.tls.mode === 'existing' ? t.existingHint : t.certbotHint;
}

function existingCertificateTask(answers: Answers, layout: EdgeLayout): TaskAction {
  const { fullchain, privkey } = layout.certificate;
  return {
    kind: 'task',
    description: t.existingTask({ fullchain, privkey, names: layout.names.join(', ') }),
    shows: [],
    check: async (ctx) => {
      const report = checkCertificateFiles(fullchain, privkey, layout.names);
      for (const warning of report.warnings) ctx.warn(t.renewIt({ warning }));
      return report.problems.length === 0;
    },
    run: async () => {
      const report = checkCertificateFiles(fullchain, privkey, layout.names);
      throw new StepError(t.existingUnusable({ problems: joinLocalized(report.problems, '; ') }), { hint: certificateHint(answers) });
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
    description: t.selfSignedTask({ names: layout.names.join(', ') }),
    shows: [{ argv, when: t.whenNoCertificate }],
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
