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
  title: 'Switch off the hand-written nginx sites',
  needs: ['nginx-install'],
  plan({ answers }) {
    const names = edgeLayout(answers).names;
    return [
      {
        kind: 'task',
        description: `Switch off hand-written nginx server blocks for ${names.join(', ')} (kept under ${BACKUP_DIR})`,
        shows: [
          { argv: ['nginx', '-T', '-q'], when: 'read-only: which files hold server blocks for these names' },
          { argv: ['rm', '<sites-enabled link or conf.d file>'], when: 'for each such file, after copying it to the backups' },
          { argv: SYSTEM_NGINX.test, when: 'afterwards; on failure the files are put back' },
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
    throw new StepError("nginx's configuration fails its test, so matrix-setup cannot read it.", {
      outputTail: dump.stderr.split('\n').filter(Boolean).slice(-15),
      hint: 'Run `nginx -t`, fix what it reports, then resume.',
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
      throw new StepError(`${server.file}:${server.line} serves ${[...strangers, ...server.otherContent].join(', ') || 'from nginx.conf'} as well, so matrix-setup will not switch it off.`, {
        hint: 'Move that content into a server block of its own, then resume. Nothing was changed.',
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
      ctx.note(`Switched off ${path} (a link to ${real}, which stays; a copy is kept as ${backup}).`);
    } else {
      removed.push({ path, content: readFileSync(path) });
      rmSync(path);
      ctx.note(`Moved ${path} out of nginx's configuration (kept as ${backup}).`);
    }
  }
  const test = await ctx.exec.run(SYSTEM_NGINX.test, { probe: true, okExitCodes: ANY_EXIT_CODE, timeoutMs: 60_000 });
  if (test.exitCode !== 0) {
    for (const item of removed) {
      if (item.link) symlinkSync(item.link, item.path);
      else writeFileSync(item.path, item.content!, { mode: 0o644 });
    }
    throw new StepError('nginx fails its test without the hand-written site (something else refers to it); it was put back.', {
      argv: SYSTEM_NGINX.test,
      outputTail: `${test.stderr}\n${test.stdout}`.split('\n').filter(Boolean).slice(-15),
      hint: 'The output names what refers to it. Move that into its own file, then resume.',
    });
  }
}
