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

/**
 * A distinctive open-file limit, so `systemctl show` proves it is the answers' value and not a
 * default. Below the usual defaults on purpose: a container cannot give a service more than its
 * own hard limit (the test host's is 20000), so only a lower value shows on the running process.
 */
export const OPEN_FILES_LIMIT = 16000;

/**
 * The rest of the guide on top of `e2eAnswers`: coturn (with an external_ip, as a server
 * behind 1:1 NAT has), email
 * through an SMTP sink the test runs on the host's loopback (the container shares the host's
 * network, so Synapse reaches 127.0.0.1:<port>; no TLS and no password, which the answers
 * allow for a relay on this machine), and the service's open-file limit.
 */
/**
 * The public address the TURN answers claim for this machine: in none of the ranges coturn
 * denies anyway, so only the denial of this machine's own addresses refuses a relay to it.
 * Nothing here routes to it.
 */
export const TURN_EXTERNAL_IP = '203.0.114.10';

export function withGuideExtras(answers: Record<string, unknown>, options: { smtpPort: number }): Record<string, unknown> {
  answers.turn = { enabled: true, external_ip: TURN_EXTERNAL_IP };
  answers.email = { enabled: true, smtp_host: '127.0.0.1', smtp_port: options.smtpPort, tls: 'none', notif_from: `Matrix <noreply@${SERVER_NAME}>` };
  answers.synapse = { ...(answers.synapse as Record<string, unknown>), open_files_limit: OPEN_FILES_LIMIT };
  return answers;
}
