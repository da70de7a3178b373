// Time from spawning a program in a pseudo-terminal (util-linux `script`, 80×24) until a
// marker appears in what it writes: for the wizard, the first frame's title. Used by
// scripts/bench.mjs; figures only.
import { spawn, spawnSync } from 'node:child_process';

export const FIRST_FRAME_MARKER = 'matrix-setup · Welcome';

export function hasScript() {
  return spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
}

function shellQuote(arg) {
  return `'${String(arg).replace(/'/g, `'\\''`)}'`;
}

/** Milliseconds until `marker` is written by argv run in an 80×24 pseudo-terminal; the program is killed then. */
export function timeToMarker(argv, marker = FIRST_FRAME_MARKER, { timeoutMs = 20_000, env = process.env } = {}) {
  return new Promise((resolve, reject) => {
    const command = `stty cols 80 rows 24; exec ${argv.map(shellQuote).join(' ')}`;
    const started = process.hrtime.bigint();
    // Its own process group, so the program and `script` end together.
    const child = spawn('script', ['-q', '-e', '-f', '-c', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'ignore'], detached: true, env });
    let seen = '';
    let done = false;
    const finish = (error, ms) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      if (error) reject(error);
      else resolve(ms);
    };
    const timer = setTimeout(() => finish(new Error(`no "${marker}" within ${timeoutMs} ms; got: ${JSON.stringify(seen.slice(-300))}`)), timeoutMs);
    child.stdout.on('data', (chunk) => {
      seen += chunk.toString('utf8');
      if (seen.includes(marker)) finish(null, Number(process.hrtime.bigint() - started) / 1e6);
    });
    child.on('exit', () => setTimeout(() => finish(new Error(`exited before "${marker}": ${JSON.stringify(seen.slice(-300))}`)), 50));
  });
}
