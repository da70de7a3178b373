// The nio client of matrix_client.py, run inside a container (python3-matrix-nio from Debian).
import { join } from 'node:path';
import { aptInstall } from '../harness/apt.js';
import type { Container } from '../harness/container.js';
import { shown } from '../harness/installer.js';

const SCRIPT = join(import.meta.dirname, 'matrix_client.py');
const IN_CONTAINER = '/root/matrix_client.py';
const CA_IN_CONTAINER = '/root/client-ca.pem';

export interface Seeded {
  server_name: string;
  users: Record<string, string>;
  room_id: string;
  messages: string[];
  known_point: string;
  after_point: string[];
  mxc: string;
  sha256: string;
  one_time_keys_uploaded: number | null;
  /** What the seeding sessions read back right after (Synapse allows few logins per address in a burst). */
  control: Record<string, Omit<UserView, 'logged_in'>>;
}

export interface UserView {
  logged_in: boolean;
  messages: string[];
  after_point: string[];
  download_sha256: string;
  /** The pages read back (for messages when something is missing). */
  pages: unknown[];
}

/** Installs the client library and the script; `caPem` is the CA the server's certificate chains to. */
export async function prepareClient(container: Container, caPem: string): Promise<void> {
  await aptInstall(container, ['python3-matrix-nio']);
  container.copyIn(SCRIPT, IN_CONTAINER);
  container.writeFile(CA_IN_CONTAINER, caPem);
}

async function runClient(container: Container, args: string[], out: string): Promise<unknown> {
  const result = await container.exec(['python3', IN_CONTAINER, ...args, '--out', out], {
    env: { HOMESERVER: 'https://matrix.test', CA_FILE: CA_IN_CONTAINER },
    okExitCodes: Array.from({ length: 256 }, (_, i) => i),
    timeoutMs: 5 * 60_000,
  });
  if (result.exitCode !== 0) throw new Error(`matrix_client.py ${args[0]} failed:\n${shown(result)}`);
  return JSON.parse(container.readFile(out));
}

/** Two users, a room, messages (some after a known point), a 2 MiB upload, one-time keys. */
export function seedServer(container: Container, registrationToken: string): Promise<Seeded> {
  return runClient(container, ['seed', '--token', registrationToken], '/root/seeded.json') as Promise<Seeded>;
}

/** What each seeded user sees after logging in with their password. */
export async function readAsUsers(container: Container, seeded: Seeded): Promise<Record<string, UserView>> {
  container.writeFile('/root/seeded.json', JSON.stringify(seeded));
  return runClient(container, ['check', '--seed', '/root/seeded.json'], '/root/checked.json') as Promise<Record<string, UserView>>;
}
