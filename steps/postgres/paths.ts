import type { Target } from '../../src/host/target.js';

/** Where the distro keeps pg_hba.conf for its default cluster (for plans; at run time the server is asked). */
export function expectedHbaPath(target: Target): string {
  return target.family === 'debian' ? `/etc/postgresql/${target.postgresVersion}/main/pg_hba.conf` : '/var/lib/pgsql/data/pg_hba.conf';
}

/** The directory of the server's Unix socket on both families. */
export const SOCKET_DIRECTORY = '/var/run/postgresql';

export const RHEL_DATA_DIRECTORY = '/var/lib/pgsql/data';
