import type { Answers } from '../../src/answers/types.js';
import { statePaths } from '../../src/engine/runner.js';
import type { Target } from '../../src/host/target.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import type { BackupSources } from '../../src/backup/write-backup.js';
import type { SecretName } from '../../src/secrets/tokens.js';
import { LETSENCRYPT_DIR, SELF_SIGNED_DIR, edgeLayout, nginxPaths } from '../edge/edge-layout.js';
import { STEPS } from '../index.js';
import { synapseLayout } from '../synapse/sources.js';

/** Secrets the answers may reference by file (the rest are generated and live in the secrets file). */
function referencedSecretFiles(answers: Answers): Array<{ secret: SecretName; path: string }> {
  const refs: Array<[SecretName, string | undefined]> = [
    ['database_password', answers.database.password?.file],
    ['database_admin_password', answers.database.admin_password?.file],
    ['admin_password', answers.admin.password?.file],
    ['smtp_password', answers.email.smtp_password?.file],
  ];
  return refs.filter((ref): ref is [SecretName, string] => !!ref[1]).map(([secret, path]) => ({ secret, path }));
}

/**
 * Where the parts of this install are, from its answers: what the archive holds. The files
 * matrix-setup wrote are the install plan's files (systemd units and drop-ins, coturn, the
 * Element config) and the nginx sites; those inside Synapse's config directory come with it.
 */
export function backupSources(answers: Answers, target: Target, stateDir: string): BackupSources {
  const layout = synapseLayout(answers, target);
  const edge = edgeLayout(answers);
  const state = statePaths(stateDir);
  const inside = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);
  const planned = buildPlan(STEPS, { answers, target }).flatMap((step) => step.actions.flatMap((action) => (action.kind === 'file' ? [action.path] : [])));
  const nginx = nginxPaths(target);
  const written = [...planned, nginx.httpFile, nginx.httpsFile, nginx.httpLink, nginx.httpsLink]
    .filter((path): path is string => !!path)
    .filter((path) => !inside(path, layout.configDir) && !inside(path, stateDir));
  return {
    answersFile: state.answers,
    secretsFile: state.secrets,
    secretFiles: referencedSecretFiles(answers),
    signingKey: layout.signingKey,
    configDir: layout.configDir,
    writtenFiles: [...new Set(written)],
    certificatePaths: certificatePaths(answers, edge.certificate.name),
    mediaStore: layout.mediaStore,
  };
}

/** The certificate of the served names as it is kept: certbot's whole lineage (symlinks and all), or the files. */
export function certificatePaths(answers: Answers, name: string): string[] {
  switch (answers.tls.mode) {
    case 'letsencrypt':
      return [`${LETSENCRYPT_DIR}/accounts`, `${LETSENCRYPT_DIR}/archive/${name}`, `${LETSENCRYPT_DIR}/live/${name}`, `${LETSENCRYPT_DIR}/renewal/${name}.conf`];
    case 'self-signed':
      return [`${SELF_SIGNED_DIR}/${name}`];
    case 'existing':
      return [answers.tls.cert_path, answers.tls.key_path].filter((path): path is string => !!path);
  }
}
