import type { Answers } from '../../src/answers/types.js';
import type { Target } from '../../src/host/target.js';
import { isRefused, targetById } from '../../src/host/targets.js';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** A complete, valid set of answers for tests, with overrides merged in. */
export function testAnswers(overrides: DeepPartial<Answers> = {}): Answers {
  const base: Answers = {
    version: 1,
    server_name: 'example.org',
    synapse_host: 'matrix.example.org',
    federation: true,
    delegation: 'auto',
    tls: { mode: 'letsencrypt', email: 'admin@example.org', acme_directory: 'https://acme-v02.api.letsencrypt.org/directory' },
    database: { mode: 'local', name: 'synapse', user: 'synapse_user', host: '127.0.0.1', port: 5432, sslmode: 'prefer' },
    synapse: {
      install: 'auto',
      version: 'latest',
      registration: 'disabled',
      max_upload_size: '50M',
      presence: true,
      url_previews: false,
      report_stats: false,
      open_files_limit: 65536,
    },
    admin: { enabled: true, username: 'admin' },
    element: { enabled: true, host: 'element.example.org', version: '1.11.90' },
    turn: { enabled: false, min_port: 49152, max_port: 49999 },
    email: { enabled: false, smtp_port: 587, tls: 'starttls' },
    firewall: 'auto',
    automatic_updates: false,
  };
  return merge(base, overrides) as Answers;
}

export function testTarget(id = 'debian-12'): Target {
  const target = targetById(id);
  if (isRefused(target)) throw new Error(`test target ${id} refused: ${target.reason.en}`);
  return target;
}

function merge(base: unknown, extra: unknown): unknown {
  if (typeof base !== 'object' || base === null || typeof extra !== 'object' || extra === null || Array.isArray(extra)) {
    return extra === undefined ? base : extra;
  }
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(extra)) out[key] = merge(out[key], value);
  return out;
}
