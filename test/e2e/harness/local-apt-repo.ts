import type { Container } from './container.js';

/** A flat APT repository inside the container, trusted through a file: source the test writes. */
export const LOCAL_REPO_DIR = '/srv/e2e-apt';
export const LOCAL_REPO_SOURCE = '/etc/apt/sources.list.d/e2e-local.list';
const BUILD_DIR = '/var/tmp/e2e-rebuild';

export interface RebuildOptions {
  /** Python prepended to synapse/app/homeserver.py: a release whose Synapse cannot start. */
  breakWith?: string;
  /**
   * A release whose database migration cannot be undone by the code before it: SCHEMA_VERSION
   * and SCHEMA_COMPAT_VERSION one higher, with a delta that creates a marker table.
   */
  bumpSchema?: boolean;
}

const SCHEMA_DIR = 'tree/usr/lib/python3/dist-packages/synapse/storage/schema';
/** The table the schema-bumping release creates. */
export const SCHEMA_MARKER_TABLE = 'e2e_upgrade_marker';

/**
 * The installed Synapse package rebuilt with a higher version number (the same files,
 * unless `breakWith` breaks its start), as a newer release in a package source would be.
 * Returns the new version.
 */
export async function addRebuiltPackage(container: Container, packageName: string, suffix: string, options: RebuildOptions = {}): Promise<string> {
  const installed = (await container.exec(['dpkg-query', '-W', '-f=${Version}', packageName])).stdout.trim();
  const version = `${installed}${suffix}`;
  const script = [
    'set -eu',
    `rm -rf ${BUILD_DIR} && mkdir -p ${BUILD_DIR} ${LOCAL_REPO_DIR} && cd ${BUILD_DIR}`,
    // The installed version's .deb, from the package sources (apt verifies it against the index).
    `apt-get download -q "${packageName}=${installed}"`,
    `dpkg-deb -R ./*.deb tree`,
    `sed -i "s/^Version: .*/Version: ${version}/" tree/DEBIAN/control`,
    ...(options.breakWith
      ? [`f=tree/usr/lib/python3/dist-packages/synapse/app/homeserver.py`, `{ printf '%s\\n' "$BREAK"; cat "$f"; } > "$f.new" && mv "$f.new" "$f"`]
      : []),
    ...(options.bumpSchema
      ? [
          `f=${SCHEMA_DIR}/__init__.py`,
          `n=$(sed -n 's/^SCHEMA_VERSION = \\([0-9]*\\).*/\\1/p' "$f")`,
          'm=$((n + 1))',
          // Set again at the end of the module (SCHEMA_COMPAT_VERSION spans several lines where it is defined).
          `printf '\\nSCHEMA_VERSION = %s\\nSCHEMA_COMPAT_VERSION = %s\\n' "$m" "$m" >> "$f"`,
          `mkdir -p ${SCHEMA_DIR}/main/delta/$m`,
          `echo "CREATE TABLE IF NOT EXISTS ${SCHEMA_MARKER_TABLE} (x INTEGER);" > ${SCHEMA_DIR}/main/delta/$m/01e2e_marker.sql`,
        ]
      : []),
    `dpkg-deb -Zgzip --root-owner-group -b tree "${LOCAL_REPO_DIR}/${packageName}_${version}_$(dpkg --print-architecture).deb" >/dev/null`,
    `rm -rf ${BUILD_DIR}`,
  ].join('\n');
  await container.exec(['bash', '-c', script], { env: { BREAK: options.breakWith ?? '' }, timeoutMs: 10 * 60_000 });
  return version;
}

/** Writes the index files and the trusted source, then refreshes apt's index (as a user would after adding a source). */
export async function publishLocalRepo(container: Container): Promise<void> {
  const script = [
    'set -eu',
    `cd ${LOCAL_REPO_DIR}`,
    'apt-ftparchive packages . > Packages',
    'apt-ftparchive release . > Release',
    `echo "deb [trusted=yes] file:${LOCAL_REPO_DIR} ./" > ${LOCAL_REPO_SOURCE}`,
  ].join('\n');
  await container.exec(['bash', '-c', script], { timeoutMs: 5 * 60_000 });
  await container.exec(['apt-get', 'update', '-q'], { env: { DEBIAN_FRONTEND: 'noninteractive' }, timeoutMs: 10 * 60_000 });
}
