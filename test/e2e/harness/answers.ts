import { stringify } from 'yaml';

export const SERVER_NAME = 'matrix.test';
export const ELEMENT_HOST = 'element.matrix.test';
export const ANSWERS_PATH = '/root/answers.yaml';
export const ELEMENT_TARBALL_PATH = '/root/element-v1.0.0.tar.gz';

export interface E2eAnswerOptions {
  acmeDirectory: string;
  /** Pebble's listener CA inside the container. */
  acmeCaBundle: string;
  elementSha256: string;
}

/**
 * The answers a self-hoster would write for this test server: matrix.test served from this
 * machine (federation on 8448), a certificate from the ACME server in the container, local
 * PostgreSQL, Debian's own Synapse package, a generated admin password, Element Web from a
 * local tarball.
 */
export function e2eAnswers(options: E2eAnswerOptions): Record<string, unknown> {
  return {
    version: 1,
    server_name: SERVER_NAME,
    synapse_host: SERVER_NAME,
    tls: {
      mode: 'letsencrypt',
      email: `admin@${SERVER_NAME}`,
      acme_directory: options.acmeDirectory,
      acme_ca_bundle: options.acmeCaBundle,
    },
    database: { mode: 'local' },
    synapse: { install: 'distro' },
    admin: { enabled: true, username: 'admin' },
    element: { enabled: true, host: ELEMENT_HOST, tarball: ELEMENT_TARBALL_PATH, sha256: options.elementSha256 },
  };
}

export function answersYaml(answers: Record<string, unknown>): string {
  return `# matrix-setup end-to-end test answers\n${stringify(answers)}`;
}
