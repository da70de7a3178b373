import type { Container } from './container.js';
import type { StartedCommand } from './process.js';

const SCRIPT = '/root/e2e-hold-dpkg-locks.pl';
/** How install.sh and matrix-setup name it: by its script, as they name unattended-upgrade (a python3 script). */
export const HOLDER_NAME = 'e2e-hold-dpkg-locks.pl';

/**
 * Holds dpkg's locks the way apt does, with fcntl (POSIX) write locks on lock-frontend and
 * lock (a flock would not stop apt), for `seconds`, as unattended-upgrades does in a fresh
 * server's first minutes. Perl is in every Debian system (perl-base is essential).
 * Writes its PID (inside the container) to `pidFile` once it holds both.
 */
const HOLDER = `use strict;
use Fcntl qw(F_SETLK F_WRLCK SEEK_SET);
my ($seconds, $pid_file) = @ARGV;
my @held;
for my $file ('/var/lib/dpkg/lock-frontend', '/var/lib/dpkg/lock') {
  my $fh;
  open($fh, '+<', $file) or open($fh, '>', $file) or die "open $file: $!";
  my $lock = pack('s s x4 q q l x4', F_WRLCK, SEEK_SET, 0, 0, 0);
  fcntl($fh, F_SETLK, $lock) or die "lock $file: $!";
  push @held, $fh;
}
open(my $out, '>', "$pid_file.new") or die; print $out "$$\\n"; close($out); rename("$pid_file.new", $pid_file) or die;
sleep $seconds;
`;

export interface DpkgLockHolder {
  /** Its PID inside the container (what apt and matrix-setup name). */
  pid: number;
  command: StartedCommand;
}

/** Starts the holder and resolves once it holds both locks. */
export async function holdDpkgLocks(container: Container, seconds: number): Promise<DpkgLockHolder> {
  container.writeFile(SCRIPT, HOLDER);
  // On the root filesystem (the host reads it there), not in the container's /run tmpfs.
  const pidFile = `/root/.e2e-dpkg-lock-holder-${Date.now()}.pid`;
  const command = container.start(['perl', SCRIPT, String(seconds), pidFile], { timeoutMs: (seconds + 60) * 1000 });
  let failed: Error | undefined;
  command.result.catch((error: Error) => (failed = error));
  const deadline = Date.now() + 30_000;
  while (!container.exists(pidFile)) {
    if (failed) throw new Error(`the dpkg lock holder failed: ${failed.message}`);
    if (Date.now() > deadline) throw new Error('the dpkg lock holder did not take the locks in 30 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { pid: Number(container.readFile(pidFile).trim()), command };
}
