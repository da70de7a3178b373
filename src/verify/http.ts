/**
 * HTTPS requests for the checks: node:https, no agent reuse, a hard deadline on every
 * request (connect, TLS, headers and body), a cap on the body read, and an optional
 * TCP destination other than the URL's host while SNI, certificate name and Host header
 * stay the URL's (how a delegated or test server is reached).
 */
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import tls, { type PeerCertificate } from 'node:tls';
import type { ConnectMap } from './types.js';
import { decimal, fromLanguages, verbatim, type Localized } from '../i18n/index.js';
import { checkText as t } from '../i18n/messages/verify-checks.js';

export interface HttpContext {
  connectTo?: ConnectMap;
  /** Extra trusted CA certificates (PEM). */
  ca?: string;
  timeoutMs: number;
}

export interface HttpRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer;
  /** Connect here (after ConnectMap lookup) instead of the URL's host and port. */
  address?: { host: string; port: number };
  /** Host header when it differs from the URL's authority (federation: the server name). */
  hostHeader?: string;
  /** Bytes of body to keep; the rest is discarded. Default 1 MiB. */
  maxBodyBytes?: number;
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export type HttpErrorKind = 'timeout' | 'dns' | 'connect' | 'tls' | 'protocol';

/** A request that got no usable answer; `text` says why in every language, `message` in English. */
export class HttpError extends Error {
  constructor(
    readonly kind: HttpErrorKind,
    readonly text: Localized,
    readonly code?: string,
  ) {
    super(text.en);
  }
}

/** Why something failed, for a person: an HttpError's text, or another error's own message. */
export function failureText(error: unknown): Localized {
  if (error instanceof HttpError) return error.text;
  return error instanceof Error ? verbatim(error.message) : verbatim(String(error));
}

export function trustedCas(context: Pick<HttpContext, 'ca'>): string[] | undefined {
  return context.ca ? [...tls.rootCertificates, context.ca] : undefined;
}

export function loadCa(ca?: string, caFile?: string): string | undefined {
  const parts = [ca, caFile ? readFileSync(caFile, 'utf8') : undefined].filter(Boolean);
  return parts.length ? parts.join('\n') : undefined;
}

/** Where a TCP connection to host:port really goes. */
export function destination(context: Pick<HttpContext, 'connectTo'>, host: string, port: number): { host: string; port: number } {
  const bare = host.replace(/^\[|\]$/g, '');
  return context.connectTo?.[`${bare.toLowerCase()}:${port}`] ?? { host: bare, port };
}

/**
 * How every HTTPS request connects: to where host:port really goes, with SNI and the
 * certificate checked for the name the URL (or the federation resolution) asked for,
 * trusting the extra CAs, on a connection of its own.
 */
function tlsConnection(context: HttpContext, target: { host: string; port: number }, hostname: string) {
  return {
    host: target.host,
    port: target.port,
    servername: isIpLiteral(hostname) ? undefined : hostname,
    checkServerIdentity: (_host: string, cert: PeerCertificate) => tls.checkServerIdentity(hostname, cert),
    ca: trustedCas(context),
    agent: false as const,
  };
}

export function request(context: HttpContext, options: HttpRequest): Promise<HttpResponse> {
  const url = new URL(options.url);
  const port = Number(url.port || 443);
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const target = options.address ? destination(context, options.address.host, options.address.port) : destination(context, hostname, port);
  const timeoutMs = options.timeoutMs ?? context.timeoutMs;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, response?: HttpResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(response!);
    };
    const req = https.request({
      ...tlsConnection(context, target, hostname),
      method: options.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      headers: {
        host: options.hostHeader ?? url.host,
        'user-agent': 'matrix-setup-verify',
        accept: 'application/json, */*',
        ...(options.body ? { 'content-length': String(options.body.length) } : {}),
        ...options.headers,
      },
    });
    const timer = setTimeout(() => {
      finish(new HttpError('timeout', t.noCompleteAnswer({ time: formatSeconds(timeoutMs) })));
      req.destroy();
    }, timeoutMs);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      res.on('data', (chunk: Buffer) => {
        if (kept < maxBodyBytes) {
          chunks.push(chunk.subarray(0, maxBodyBytes - kept));
          kept += chunk.length;
        }
      });
      res.on('end', () => finish(null, { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', (error) => finish(describe(error, target)));
      res.on('aborted', () => finish(new HttpError('protocol', t.closedMidAnswer)));
    });
    req.on('error', (error) => finish(describe(error, target)));
    // A server may answer (413, 401) before it has read the whole body and close the
    // connection; that answer is what counts, so write errors after it are ignored.
    if (options.body) req.end(options.body);
    else req.end();
  });
}

/**
 * Starts a request announcing `contentLength` bytes, sends only `sendBytes` of them and
 * waits up to `waitMs` for an answer given before the body is complete (nginx refuses
 * an oversized Content-Length at once with 413). Resolves null when nothing answered.
 */
export function earlyAnswer(
  context: HttpContext,
  options: HttpRequest & { contentLength: number; sendBytes: number; waitMs: number },
): Promise<HttpResponse | null> {
  const url = new URL(options.url);
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const target = destination(context, hostname, Number(url.port || 443));
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, response: HttpResponse | null = null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      if (error) reject(error);
      else resolve(response);
    };
    const req = https.request({
      ...tlsConnection(context, target, hostname),
      method: options.method ?? 'POST',
      path: `${url.pathname}${url.search}`,
      headers: { host: url.host, 'user-agent': 'matrix-setup-verify', 'content-length': String(options.contentLength), ...options.headers },
    });
    const timer = setTimeout(() => finish(null, null), options.waitMs);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => finish(null, { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', () => finish(null, { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', (error) => finish(describe(error, target)));
    req.write(Buffer.alloc(options.sendBytes, 0x61));
  });
}

export interface CertificateInfo {
  /** Chain and name both valid for the name asked for. */
  valid: boolean;
  problem?: Localized;
  /** The TLS library's code for a chain it did not accept (e.g. SELF_SIGNED_CERT_IN_CHAIN). */
  problemCode?: string;
  subject?: string;
  altNames?: string;
  issuer?: string;
  validTo?: Date;
}

/** Connects with TLS (without refusing a bad certificate) to describe what the server presents. */
export function inspectCertificate(context: HttpContext, name: string, port: number, address?: { host: string; port: number }): Promise<CertificateInfo> {
  const target = address ? destination(context, address.host, address.port) : destination(context, name, port);
  return new Promise((resolve, reject) => {
    let settled = false;
    const socket = tls.connect({
      host: target.host,
      port: target.port,
      servername: isIpLiteral(name) ? undefined : name,
      ca: trustedCas(context),
      rejectUnauthorized: false,
    });
    const timer = setTimeout(() => done(new HttpError('timeout', t.noHandshake({ time: formatSeconds(context.timeoutMs) }))), context.timeoutMs);
    function done(error: Error | null, info?: CertificateInfo) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(info!);
    }
    socket.on('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      if (!cert || !cert.subject) return done(null, { valid: false, problem: t.noCertificate });
      const identity = tls.checkServerIdentity(name, cert);
      const chainProblem = socket.authorized ? undefined : String(socket.authorizationError ?? 'not trusted');
      const problem = chainProblem ? describeTlsCode(chainProblem) : identity ? t.notValidFor({ name, error: identity.message }) : undefined;
      done(null, {
        valid: !problem,
        problem,
        problemCode: chainProblem,
        subject: first(cert.subject?.CN),
        altNames: cert.subjectaltname,
        issuer: first(cert.issuer?.O ?? cert.issuer?.CN),
        validTo: cert.valid_to ? new Date(cert.valid_to) : undefined,
      });
    });
    socket.on('error', (error) => done(describe(error, target)));
  });
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const TLS_CODES: Record<string, Localized> = {
  CERT_HAS_EXPIRED: t.certExpired,
  DEPTH_ZERO_SELF_SIGNED_CERT: t.selfSigned,
  SELF_SIGNED_CERT_IN_CHAIN: t.selfSignedInChain,
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: t.incompleteChain,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: t.incompleteChain,
  CERT_NOT_YET_VALID: t.notYetValid,
  ERR_TLS_CERT_ALTNAME_INVALID: t.otherName,
};

function describeTlsCode(code: string): Localized {
  const meaning = TLS_CODES[code];
  return meaning ? t.tlsCode({ meaning, code }) : verbatim(code);
}

function describe(error: Error, target: { host: string; port: number }): HttpError {
  if (error instanceof HttpError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const where = `${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA') return new HttpError('dns', t.doesNotResolve({ host: target.host, code }), code);
  if (code === 'ECONNREFUSED') return new HttpError('connect', t.connectionRefused({ where }), code);
  if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return new HttpError('connect', t.unreachable({ where, code }), code);
  if (code === 'ECONNRESET' || code === 'EPIPE') return new HttpError('connect', t.connectionClosed({ where, code }), code);
  if (TLS_CODES[code] || /CERT|SSL|TLS/.test(code) || /certificate|SSL|TLS/i.test(error.message)) {
    return new HttpError('tls', t.tlsFailed({ where, problem: TLS_CODES[code] ? describeTlsCode(code) : error.message }), code);
  }
  return new HttpError('protocol', verbatim(`${where}: ${error.message}`), code);
}

export function isIpLiteral(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}

function formatSeconds(ms: number): Localized {
  if (ms < 1000) return t.milliseconds({ value: ms });
  const seconds = String(Math.round(ms / 100) / 10);
  return fromLanguages((lang) => t.seconds({ value: decimal(seconds, lang) })[lang]);
}

/** Parses a JSON body; undefined when it is not JSON. */
export function jsonBody(response: HttpResponse): unknown {
  try {
    return JSON.parse(response.body.toString('utf8'));
  } catch {
    return undefined;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short, single-line excerpt of a body for evidence. */
export function excerpt(body: Buffer, max = 120): string {
  const text = body.toString('utf8').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
