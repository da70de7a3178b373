import { readFileSync, statSync } from 'node:fs';
import type { TaskAction } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';
import type { CertificateSource, CoturnLayout } from './layout.js';
import { turnText as t } from '../../src/i18n/messages/steps-turn.js';

/** `install` copies with owner, group and mode in one go (the same command the deploy hook uses). */
export function copyCommands(source: CertificateSource, layout: CoturnLayout): string[][] {
  return [
    ['install', '-m', '0640', '-o', 'root', '-g', layout.group, source.cert, layout.certFile],
    ['install', '-m', '0640', '-o', 'root', '-g', layout.group, source.key, layout.keyFile],
  ];
}

/**
 * coturn's own copy of synapse_host's certificate and key (0640, group of coturn's user):
 * made once here after the first issuance, then by the certbot deploy hook on every renewal.
 * A copy that differs from its source (a renewal while coturn's hook was missing) is refreshed.
 */
export function certificateCopyTask(source: CertificateSource, layout: CoturnLayout): TaskAction {
  const commands = copyCommands(source, layout);
  return {
    kind: 'task',
    description: t.certificateCopyTask({ dir: layout.tlsDir, group: layout.group }),
    shows: [
      ...commands.map((argv) => ({ argv, when: t.whenCopyDiffers })),
      { argv: ['systemctl', 'try-restart', layout.unit], when: t.whenCopied },
    ],
    async check() {
      return sameContent(source.cert, layout.certFile) && sameContent(source.key, layout.keyFile) && modeIs(layout.keyFile, 0o640);
    },
    async run(ctx) {
      for (const path of [source.cert, source.key]) {
        if (!readable(path)) {
          throw new StepError(t.certificateMissing({ path, host: ctx.answers.synapse_host }), { hint: t.certificateMissingHint });
        }
      }
      for (const argv of commands) await ctx.exec.run(argv);
      await ctx.exec.run(['systemctl', 'try-restart', layout.unit], { hint: t.journalHint({ unit: layout.unit }) });
    },
  };
}

function readable(path: string): boolean {
  try {
    readFileSync(path);
    return true;
  } catch {
    return false;
  }
}

function sameContent(a: string, b: string): boolean {
  try {
    return readFileSync(a).equals(readFileSync(b));
  } catch {
    return false;
  }
}

function modeIs(path: string, mode: number): boolean {
  try {
    return (statSync(path).mode & 0o7777) === mode;
  } catch {
    return false;
  }
}
