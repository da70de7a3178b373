import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RunContext, TaskAction } from '../../src/engine/types.js';
import { StepError } from '../../src/errors.js';
import { ANY_EXIT_CODE } from '../../src/exec/executor.js';
import { asServiceUser, configPathArgs } from './service-user.js';
import type { SynapseLayout } from './sources.js';

/**
 * `python -m synapse.config`: Synapse loads and validates the whole config (all files, the
 * signing key) as it would at start, and prints "Config parses OK!". Run as the service user,
 * so an unreadable file shows up here too. Before a restart this keeps a running Synapse
 * from being replaced by one that cannot start. It takes Synapse about two seconds, so it is
 * left out when Synapse has been running since before any file it reads last changed: that
 * Synapse started with exactly these files (the check would prove nothing, and no restart is due).
 */
export function configCheckTask(layout: SynapseLayout): TaskAction {
  const argv = [...asServiceUser(layout), '-m', 'synapse.config', ...configPathArgs(layout)];
  return {
    kind: 'task',
    description: `Check the configuration with Synapse's own parser (${layout.configPaths.join(' + ')})`,
    shows: [{ argv, when: 'read-only' }],
    async check(ctx) {
      if (await runningSinceLastChange(ctx, layout)) return true;
      const result = await ctx.exec.run(argv, { probe: true, okExitCodes: ANY_EXIT_CODE, timeoutMs: 120_000 });
      const output = `${result.stdout}\n${result.stderr}`;
      if (result.exitCode === 0) return true;
      if (/No module named synapse\.config\.__main__|cannot be directly executed/.test(output)) {
        ctx.warn('This Synapse release has no config checker (python -m synapse.config); its start will show any config error.');
        return true;
      }
      throw new StepError('Synapse rejects its configuration; it was not restarted.', {
        hint: `The lines above name the setting. Files: ${layout.configPaths.join(', ')}. Fix the answers (or your own file) and resume.`,
        argv,
        exitCode: result.exitCode,
        outputTail: output.split('\n').filter((line) => line.trim()).slice(-20),
      });
    },
    async run() {},
  };
}

/** When the unit entered "active" (seconds since the epoch), if it is active; systemd >= 247 prints it with --timestamp=unix. */
export function activeSince(show: string): number | undefined {
  if (!/^ActiveState=active$/m.test(show)) return undefined;
  const since = /^ActiveEnterTimestamp=@(\d+)$/m.exec(show);
  return since ? Number(since[1]) * 1000 : undefined;
}

/** The files Synapse reads at start: its config files, the drop-in directory and all in it, the log config, the signing key. */
export function filesSynapseReads(layout: SynapseLayout): string[] {
  let dropIns: string[] = [];
  try {
    dropIns = readdirSync(layout.confDir).map((name) => join(layout.confDir, name));
  } catch {
    // no directory: its stat below fails, which counts as changed
  }
  return [layout.homeserverYaml, layout.confDir, ...dropIns, layout.logConfig, layout.signingKey];
}

async function runningSinceLastChange(ctx: RunContext, layout: SynapseLayout): Promise<boolean> {
  const show = await ctx.exec.run(['systemctl', 'show', '--timestamp=unix', '-p', 'ActiveState', '-p', 'ActiveEnterTimestamp', layout.unit], { probe: true, okExitCodes: ANY_EXIT_CODE });
  const since = activeSince(show.stdout);
  if (since === undefined) return false;
  return filesSynapseReads(layout).every((path) => {
    try {
      return statSync(path).mtimeMs < since;
    } catch {
      return false;
    }
  });
}
