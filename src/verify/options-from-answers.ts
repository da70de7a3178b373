import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { sizeToBytes } from '../answers/sizes.js';
import type { Answers } from '../answers/types.js';
import { StepError } from '../errors.js';
import type { SecretName } from '../secrets/tokens.js';
import { isObject, jsonBody, request } from './http.js';
import type { VerifyOptions } from './types.js';
import { secretText as s } from '../i18n/messages/secrets.js';

/** The checks for this install, from its answers. */
export function optionsFromAnswers(answers: Answers): VerifyOptions {
  return {
    serverName: answers.server_name,
    synapseHost: answers.synapse_host,
    elementHost: answers.element.enabled && answers.element.host !== answers.synapse_host ? answers.element.host : undefined,
    federation: answers.federation,
    maxUploadSize: sizeToBytes(answers.synapse.max_upload_size),
    expectDelegation: answers.delegation === 'well-known' || (answers.delegation !== 'none' && answers.server_name !== answers.synapse_host),
    tlsMode: answers.tls.mode,
  };
}

const DEFAULT_MAX_UPLOAD = 50 * 1024 * 1024;

/**
 * Checking a server without its answers: the Synapse host is what its client well-known
 * file names (else its server well-known file, else the server name itself).
 */
export async function optionsForRemote(serverName: string, base: Partial<VerifyOptions> = {}): Promise<VerifyOptions> {
  const http = { timeoutMs: base.timeoutMs ?? 10_000, connectTo: base.connectTo, ca: base.ca };
  const hostFrom = async (kind: 'client' | 'server'): Promise<string | undefined> => {
    try {
      const body = jsonBody(await request(http, { url: `https://${serverName}/.well-known/matrix/${kind}` }));
      if (!isObject(body)) return undefined;
      if (kind === 'client') {
        const hs = body['m.homeserver'];
        return isObject(hs) && typeof hs.base_url === 'string' ? new URL(hs.base_url).hostname : undefined;
      }
      return typeof body['m.server'] === 'string' ? body['m.server'].replace(/:\d+$/, '') : undefined;
    } catch {
      return undefined;
    }
  };
  const synapseHost = (await hostFrom('client')) ?? (await hostFrom('server')) ?? serverName.replace(/:\d+$/, '');
  return { serverName, synapseHost, federation: true, maxUploadSize: DEFAULT_MAX_UPLOAD, localHealth: false, ...base };
}

/**
 * Secrets for the database check, read without side effects: a referenced secret from its
 * file or variable, a generated one from the secrets file. Never generates one (verify
 * changes nothing).
 */
export function readOnlySecrets(answers: Answers, secretsFile: string): { get(name: SecretName): string } {
  return {
    get(name) {
      if (name === 'database_password') {
        const ref = answers.database.password;
        if (ref?.env) {
          const value = process.env[ref.env];
          if (value) return value;
          throw new StepError(s.verifyEnvMissing({ env: ref.env }), { hint: s.verifyEnvMissingHint({ env: ref.env }) });
        }
        if (ref?.file) return readFirstLine(ref.file);
      }
      let all: unknown;
      try {
        all = parse(readFileSync(secretsFile, 'utf8'));
      } catch (error) {
        throw new StepError(s.verifySecretsUnreadable({ file: secretsFile, name, error: (error as NodeJS.ErrnoException).code ?? String(error) }), {
          hint: s.verifyAsRootHint,
        });
      }
      const value = isObject(all) ? all[name] : undefined;
      if (typeof value !== 'string' || !value) throw new StepError(s.verifySecretMissing({ file: secretsFile, name }), { hint: s.verifySecretMissingHint });
      return value;
    },
  };
}

function readFirstLine(path: string): string {
  try {
    const value = readFileSync(path, 'utf8').split('\n')[0].trim();
    if (value) return value;
  } catch {
    // reported below
  }
  throw new StepError(s.verifyPasswordUnreadable({ path }), { hint: s.verifyPasswordUnreadableHint });
}
