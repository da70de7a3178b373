import { copyFileSync, lstatSync, mkdirSync, readFileSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RunContext, Step } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';
import { ANY_EXIT_CODE } from '../../src/exec/executor.js';
import { parseNginxDump } from '../../src/adopt/nginx-config.js';
import { analyseNginx, type ServerSummary } from '../../src/adopt/proxy.js';
import { edgeLayout } from '../edge/edge-layout.js';
import { BACKUP_DIR } from '../nginx/apply-nginx-config.js';
import { SYSTEM_NGINX } from '../nginx/nginx-control.js';
import { SYNAPSE_LISTEN } from '../synapse/sources.js';
import { adoptStepText as t } from '../../src/i18n/messages/steps-adopt.js';

const MATRIX_SETUP_FILE = /\/matrix-setup-https?\.conf$/;

/**
 * The hand-written nginx server blocks for the names matrix-setup now serves are switched
 * off, so its own vhosts (nginx-http, nginx-https) answer for those names alone: a
 * sites-enabled link is removed (its sites-available file stays), a file in sites-enabled or
 * conf.d is moved out. Each is kept under /var/lib/matrix-setup/backups first. nginx is not
 * reloaded here: nginx-http reloads it with its own vhost in place, so the old site serves
 * until then. A file that also serves other names or other content is never touched (adopt
 * refuses it before).
 */
export const adoptNginxSitesStep: Step = {
  id: 'adopt-nginx-sites',
  title: t.sitesTitle,
  needs: ['nginx-install'],
  plan({ answers }) {
    const names = edgeLayout(answers).names;
    return [
      {
        kind: 'task',
        description: t.sitesTask({ names: names.join(', '), dir: BACKUP_DIR }),
        shows: [
          { argv: ['nginx', '-T', '-q'], when: t.whenWhichFiles },
          { argv: ['rm', '<sites-enabled link or conf.d file>'], when: t.whenEachFile },
          { argv: SYSTEM_NGINX.test, when: t.whenAfterwards },
        ],
        check: async (ctx) => (await handWritten(ctx, names)).length === 0,
        run: (ctx) => switchOff(ctx, names),
      },
    ];
  },
};

async function handWritten(ctx: RunContext, names: string[]): Promise<ServerSummary[]> {
  const dump = await ctx.exec.run([...SYSTEM_NGINX.test.slice(0, 1), '-T', '-q'], { probe: true, okExitCodes: ANY_EXIT_CODE, timeoutMs: 60_000 });
  if (dump.exitCode !== 0) {
    throw new StepError(t.nginxUnreadable, {
      outputTail: dump.stderr.split('\n').filter(Boolean).slice(-15),
      hint: t.nginxUnreadableHint,
    });
  }
  const config = analyseNginx(parseNginxDump(dump.stdout), [SYNAPSE_LISTEN.port]);
  return config.servers.filter((s) => !MATRIX_SETUP_FILE.test(s.file) && s.names.some((name) => names.includes(name)));
}

interface Removed {
  path: string;
  link?: string;
  content?: Buffer;
}

async function switchOff(ctx: RunContext, names: string[]): Promise<void> {
  const servers = await handWritten(ctx, names);
  const files = [...new Set(servers.map((s) => s.file))];
  for (const server of servers) {
    const strangers = server.names.filter((name) => !names.includes(name));
    if (strangers.length > 0 || server.otherContent.length > 0 || /\/nginx\.conf$/.test(server.file)) {
      const what = [...strangers, ...server.otherContent].join(', ');
      throw new StepError(t.servesMore({ where: `${server.file}:${server.line}`, what: what || t.fromNginxConf }), {
        hint: t.servesMoreHint,
      });
    }
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  const removed: Removed[] = [];
  for (const path of files) {
    const stat = lstatSync(path);
    const real = stat.isSymbolicLink() ? realpathSync(path) : path;
    const backup = join(BACKUP_DIR, `${real}.${stamp}`);
    mkdirSync(dirname(backup), { recursive: true, mode: 0o700 });
    copyFileSync(real, backup);
    if (stat.isSymbolicLink()) {
      removed.push({ path, link: readlinkSync(path) });
      rmSync(path);
      ctx.note(t.switchedOffLink({ path, real, backup }));
    } else {
      removed.push({ path, content: readFileSync(path) });
      rmSync(path);
      ctx.note(t.movedOut({ path, backup }));
    }
  }
  const test = await ctx.exec.run(SYSTEM_NGINX.test, { probe: true, okExitCodes: ANY_EXIT_CODE, timeoutMs: 60_000 });
  if (test.exitCode !== 0) {
    for (const item of removed) {
      if (item.link) symlinkSync(item.link, item.path);
      else writeFileSync(item.path, item.content!, { mode: 0o644 });
    }
    throw new StepError(t.putBack, {
      argv: SYSTEM_NGINX.test,
      outputTail: `${test.stderr}\n${test.stdout}`.split('\n').filter(Boolean).slice(-15),
      hint: t.putBackHint,
    });
  }
}
