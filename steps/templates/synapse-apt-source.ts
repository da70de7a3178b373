/** packages.matrix.org: where its key and packages are, and the key's fingerprint (unchanged since 2019). */
export const MATRIX_ORG_APT = {
  keyUrl: 'https://packages.matrix.org/debian/matrix-org-archive-keyring.gpg',
  keyring: '/usr/share/keyrings/matrix-org-archive-keyring.gpg',
  fingerprint: 'AAF9AE843A7584B5A3E4CD2BCF45A512DE2DA058',
  uri: 'https://packages.matrix.org/debian/',
  sourcesFile: '/etc/apt/sources.list.d/matrix-org.sources',
} as const;

/** The deb822 source for packages.matrix.org, trusting only its own key for it. */
export function matrixOrgSources(codename: string): string {
  return [
    '# Written by matrix-setup: Synapse packages from matrix.org.',
    'Types: deb',
    `URIs: ${MATRIX_ORG_APT.uri}`,
    `Suites: ${codename}`,
    'Components: main',
    'Architectures: amd64',
    `Signed-By: ${MATRIX_ORG_APT.keyring}`,
    '',
  ].join('\n');
}
