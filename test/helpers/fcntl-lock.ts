// An fcntl write lock on a scratch file, taken the way apt and dpkg take theirs, held by a perl
// process so the real /proc/locks shows it under another PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const holders: ChildProcess[] = [];

/** Creates `file` empty and locks it for `seconds`; resolves once the lock is held. */
export async function holdLock(file: string, seconds: number): Promise<ChildProcess> {
  writeFileSync(file, '');
  const code = `use Fcntl qw(F_SETLK F_WRLCK SEEK_SET); open(my $fh, "+<", $ARGV[0]) or die; my $l = pack("s s x4 q q l x4", F_WRLCK, SEEK_SET, 0, 0, 0); fcntl($fh, F_SETLK, $l) or die "lock: $!"; $| = 1; print "locked\\n"; sleep $ARGV[1];`;
  const holder = spawn('perl', ['-e', code, file, String(seconds)], { stdio: ['ignore', 'pipe', 'inherit'] });
  holders.push(holder);
  await new Promise<void>((resolve, reject) => {
    holder.stdout!.once('data', () => resolve());
    holder.once('exit', (code) => reject(new Error(`the lock holder exited with ${code}`)));
  });
  return holder;
}

/** Kills every lock holder started by holdLock. */
export function releaseLocks(): void {
  for (const holder of holders) holder.kill('SIGKILL');
}
