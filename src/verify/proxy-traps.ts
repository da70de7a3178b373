/**
 * The two reverse-proxy mistakes self-hosters hit most.
 *
 * Encoded path: `proxy_pass http://127.0.0.1:8008/_matrix;` (a URI after the port) makes
 * nginx send the *decoded, normalised* path upstream, so %2F becomes "/" and federation
 * request signatures (which cover the raw path) stop verifying. We ask Synapse for a room
 * alias that contains an encoded slash: /_matrix/client/v3/directory/room/%23verify%2Fcheck%3A<server>.
 * That endpoint needs no login. If the path arrives unchanged, Synapse's route for
 * directory/room/{alias} matches and answers with a JSON error about the alias itself
 * (M_NOT_FOUND "room alias not found", or M_INVALID_PARAM). If the proxy decoded it, the
 * path has one segment more, no route matches, and Synapse answers M_UNRECOGNIZED (or the
 * proxy answers with its own HTML page). Both outcomes are distinct, so no guessing.
 *
 * Body size: nginx refuses bodies above client_max_body_size (1 MB by default) with an
 * HTML 413 before Synapse sees them. An unauthenticated upload just above 1 MiB that
 * reaches Synapse gets 401 M_MISSING_TOKEN: the body got through. For max_upload_size we
 * announce that Content-Length without sending it all: nginx checks Content-Length up
 * front and refuses at once, while a proxy that allows it (and Synapse) keeps waiting for
 * the rest, which we never send.
 */
import { blockedResult, endpointBlocker } from './blocking.js';
import { describeStatus, resultsFor, type VerifyContext } from './context.js';
import { earlyAnswer, excerpt, isObject, jsonBody, request, type HttpResponse } from './http.js';
import type { CheckResult } from './types.js';

const result = resultsFor('proxy');
const MIB = 1024 * 1024;
/** Just above nginx's default client_max_body_size of 1m. */
export const SMALL_UPLOAD_BYTES = MIB + 16 * 1024;
const ALIAS_ERRCODES = new Set(['M_NOT_FOUND', 'M_INVALID_PARAM', 'M_FORBIDDEN', 'M_MISSING_TOKEN', 'M_UNKNOWN_TOKEN']);

export async function proxyChecks(context: VerifyContext): Promise<CheckResult[]> {
  const blocker = await endpointBlocker(context, 'client-api.tls', context.options.synapseHost);
  if (blocker) {
    return [
      blockedResult('proxy', 'encoded-path', ENCODED_PATH_LABEL, blocker),
      blockedResult('proxy', 'upload-1mb', SMALL_UPLOAD_LABEL, blocker),
      blockedResult('proxy', 'upload-max', maxUploadLabel(context), blocker),
    ];
  }
  return Promise.all([encodedPath(context), smallUpload(context), maxUpload(context)]);
}

const ENCODED_PATH_LABEL = 'Encoded path reaches Synapse unchanged';
const SMALL_UPLOAD_LABEL = 'Upload just above 1 MB reaches Synapse';

function maxUploadLabel(context: VerifyContext): string {
  return `Proxy accepts uploads up to max_upload_size (${nginxSize(context.options.maxUploadSize)})`;
}

function errcode(response: HttpResponse): string | undefined {
  const body = jsonBody(response);
  return isObject(body) && typeof body.errcode === 'string' ? body.errcode : undefined;
}

export function encodedPathUrl(synapseHost: string, serverName: string): string {
  return `https://${synapseHost}/_matrix/client/v3/directory/room/%23verify%2Fcheck%3A${encodeURIComponent(serverName)}`;
}

async function encodedPath(context: VerifyContext): Promise<CheckResult> {
  const { synapseHost, serverName } = context.options;
  const url = encodedPathUrl(synapseHost, serverName);
  const label = ENCODED_PATH_LABEL;
  const fix =
    'In the nginx location for /_matrix, write `proxy_pass http://127.0.0.1:8008;` with nothing after the port (no /, no /_matrix): a URI there makes nginx decode the path, which breaks federation signatures ("Invalid signature for server ...").';
  let response: HttpResponse;
  try {
    response = await request(context.http, { url });
  } catch (error) {
    return blockedResult('proxy', 'encoded-path', label, { id: 'client-api.versions', reason: `${url}: ${(error as Error).message}` });
  }
  const code = errcode(response);
  if (response.status === 200 || (code && ALIAS_ERRCODES.has(code))) {
    return result('encoded-path', label, 'pass', `Synapse answered for the alias #verify/check:${serverName} (${describeStatus(response)}${code ? ` ${code}` : ''}): %2F arrived intact`);
  }
  if (code === 'M_UNRECOGNIZED' || (response.status === 404 && !code)) {
    return result('encoded-path', label, 'fail', `${describeStatus(response)}${code ? ` ${code}` : `: ${excerpt(response.body)}`}: the %2F was decoded on the way, so the request no longer matched Synapse's route`, fix);
  }
  return result('encoded-path', label, 'warn', `${describeStatus(response)}${code ? ` ${code}` : `: ${excerpt(response.body)}`}: not an answer Synapse gives for this request`, fix);
}

function nginxFix(context: VerifyContext): string {
  return `Set \`client_max_body_size ${nginxSize(context.options.maxUploadSize)};\` in the nginx server block for ${context.options.synapseHost} (it must be at least Synapse's max_upload_size), then \`nginx -t && systemctl reload nginx\`.`;
}

/** Bytes as nginx writes sizes. */
export function nginxSize(bytes: number): string {
  if (bytes % (1024 * MIB) === 0) return `${bytes / (1024 * MIB)}G`;
  if (bytes % MIB === 0) return `${bytes / MIB}M`;
  if (bytes % 1024 === 0) return `${bytes / 1024}K`;
  return String(bytes);
}

async function smallUpload(context: VerifyContext): Promise<CheckResult> {
  const { synapseHost } = context.options;
  const url = `https://${synapseHost}/_matrix/media/v3/upload?filename=matrix-setup-verify.bin`;
  const label = SMALL_UPLOAD_LABEL;
  let response: HttpResponse;
  try {
    response = await request(context.http, {
      url,
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.alloc(SMALL_UPLOAD_BYTES, 0x61),
      timeoutMs: Math.max(context.http.timeoutMs, 20_000),
    });
  } catch (error) {
    return blockedResult('proxy', 'upload-1mb', label, { id: 'client-api.versions', reason: `${url}: ${(error as Error).message}` });
  }
  const code = errcode(response);
  if (response.status === 401 && code) {
    return result('upload-1mb', label, 'pass', `${SMALL_UPLOAD_BYTES} bytes got through the proxy; Synapse asked for a login (${code})`);
  }
  if (response.status === 413) {
    const who = code ? `Synapse (${code}): max_upload_size is below 1 MiB` : `the proxy (${excerpt(response.body, 60)})`;
    return result(
      'upload-1mb',
      label,
      'fail',
      `HTTP 413 from ${who}`,
      code ? 'Raise max_upload_size in homeserver.yaml (answers: synapse.max_upload_size) and restart Synapse.' : nginxFix(context),
    );
  }
  return result('upload-1mb', label, 'warn', `${describeStatus(response)}: ${excerpt(response.body)}`, 'Expected 401 M_MISSING_TOKEN from Synapse; check what answers /_matrix/media on this host.');
}

async function maxUpload(context: VerifyContext): Promise<CheckResult> {
  const { synapseHost, maxUploadSize } = context.options;
  const url = `https://${synapseHost}/_matrix/media/v3/upload?filename=matrix-setup-verify.bin`;
  const label = maxUploadLabel(context);
  if (maxUploadSize <= SMALL_UPLOAD_BYTES) return result('upload-max', label, 'skip', 'max_upload_size is covered by the 1 MB upload check');
  let response: HttpResponse | null;
  try {
    response = await earlyAnswer(context.http, {
      url,
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      contentLength: maxUploadSize,
      sendBytes: 64 * 1024,
      waitMs: context.options.bodyLimitWaitMs ?? 3000,
    });
  } catch (error) {
    return blockedResult('proxy', 'upload-max', label, { id: 'client-api.versions', reason: `${url}: ${(error as Error).message}` });
  }
  if (!response) return result('upload-max', label, 'pass', `an upload announced at ${maxUploadSize} bytes was not refused up front`);
  if (response.status === 413) {
    const code = errcode(response);
    return result(
      'upload-max',
      label,
      'fail',
      `an upload announced at ${maxUploadSize} bytes (max_upload_size) was refused at once: HTTP 413 ${code ?? `from the proxy (${excerpt(response.body, 60)})`}`,
      code ? 'Synapse refused it: its max_upload_size is lower than the answers say; re-run matrix-setup to apply the answers.' : nginxFix(context),
    );
  }
  if (response.status === 401) return result('upload-max', label, 'pass', `announced ${maxUploadSize} bytes; answered 401 ${errcode(response) ?? ''} (not a size refusal)`.trim());
  return result('upload-max', label, 'warn', `announced ${maxUploadSize} bytes; answered ${describeStatus(response)}: ${excerpt(response.body)}`, 'Check what answers /_matrix/media on this host.');
}
