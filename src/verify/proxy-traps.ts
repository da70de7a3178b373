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
import { earlyAnswer, excerpt, failureText, isObject, jsonBody, request, type HttpResponse } from './http.js';
import type { CheckResult } from './types.js';
import { joinLocalized, verbatim, type Localized } from '../i18n/index.js';
import { checkText as t } from '../i18n/messages/verify-checks.js';

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

const ENCODED_PATH_LABEL = t.encodedPathLabel;
const SMALL_UPLOAD_LABEL = t.smallUploadLabel;

function maxUploadLabel(context: VerifyContext): Localized {
  return t.maxUploadLabel({ size: nginxSize(context.options.maxUploadSize) });
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
  const fix = t.encodedPathFix;
  let response: HttpResponse;
  try {
    response = await request(context.http, { url });
  } catch (error) {
    return blockedResult('proxy', 'encoded-path', label, { id: 'client-api.versions', reason: joinLocalized([url, failureText(error)], ': ') });
  }
  const code = errcode(response);
  if (response.status === 200 || (code && ALIAS_ERRCODES.has(code))) {
    return result('encoded-path', label, 'pass', t.encodedPathOk({ server: serverName, status: `${describeStatus(response)}${code ? ` ${code}` : ''}` }));
  }
  const status = `${describeStatus(response)}${code ? ` ${code}` : `: ${excerpt(response.body)}`}`;
  if (code === 'M_UNRECOGNIZED' || (response.status === 404 && !code)) {
    return result('encoded-path', label, 'fail', t.encodedPathDecoded({ status }), fix);
  }
  return result('encoded-path', label, 'warn', t.encodedPathOdd({ status }), fix);
}

function nginxFix(context: VerifyContext): Localized {
  return t.bodySizeFix({ size: nginxSize(context.options.maxUploadSize), host: context.options.synapseHost });
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
    return blockedResult('proxy', 'upload-1mb', label, { id: 'client-api.versions', reason: joinLocalized([url, failureText(error)], ': ') });
  }
  const code = errcode(response);
  if (response.status === 401 && code) {
    return result('upload-1mb', label, 'pass', t.smallUploadOk({ count: SMALL_UPLOAD_BYTES, code }));
  }
  if (response.status === 413) {
    const who = code ? t.synapseBelow1MiB({ code }) : t.theProxy({ excerpt: excerpt(response.body, 60) });
    return result('upload-1mb', label, 'fail', t.http413From({ who }), code ? t.raiseMaxUploadFix : nginxFix(context));
  }
  return result('upload-1mb', label, 'warn', verbatim(`${describeStatus(response)}: ${excerpt(response.body)}`), t.expected401Fix);
}

async function maxUpload(context: VerifyContext): Promise<CheckResult> {
  const { synapseHost, maxUploadSize } = context.options;
  const url = `https://${synapseHost}/_matrix/media/v3/upload?filename=matrix-setup-verify.bin`;
  const label = maxUploadLabel(context);
  if (maxUploadSize <= SMALL_UPLOAD_BYTES) return result('upload-max', label, 'skip', t.coveredBySmallUpload);
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
    return blockedResult('proxy', 'upload-max', label, { id: 'client-api.versions', reason: joinLocalized([url, failureText(error)], ': ') });
  }
  if (!response) return result('upload-max', label, 'pass', t.notRefusedUpFront({ count: maxUploadSize }));
  if (response.status === 413) {
    const code = errcode(response);
    const who = code ?? t.fromTheProxy({ excerpt: excerpt(response.body, 60) });
    return result('upload-max', label, 'fail', t.refusedAtOnce({ count: maxUploadSize, who }), code ? t.synapseRefusedFix : nginxFix(context));
  }
  if (response.status === 401) return result('upload-max', label, 'pass', t.announcedLogin({ count: maxUploadSize, code: errcode(response) ?? '' }));
  return result('upload-max', label, 'warn', t.announcedOther({ count: maxUploadSize, status: describeStatus(response), excerpt: excerpt(response.body) }), t.mediaAnswersFix);
}
