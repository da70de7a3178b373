import { request } from 'node:https';
import type { TLSSocket } from 'node:tls';

export interface HttpsResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
  /** The served certificate chain, leaf first, as PEM. */
  chainPem: string;
  json<T = Record<string, unknown>>(): T;
}

export interface HttpsRequest {
  /** Host name for SNI, the Host header and the certificate check. */
  host: string;
  port?: number;
  method?: string;
  path: string;
  /** The only CA trusted (Pebble's issuing root). */
  ca: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  accessToken?: string;
  timeoutMs?: number;
}

/**
 * An HTTPS request as a client or another server makes it, sent to 127.0.0.1 (the container
 * shares the host's network) with the real host name for SNI, Host and the certificate check.
 */
export function httpsRequest(options: HttpsRequest): Promise<HttpsResponse> {
  const body = typeof options.body === 'string' ? Buffer.from(options.body) : options.body;
  const headers: Record<string, string> = { 'user-agent': 'matrix-setup-e2e', ...options.headers };
  if (body) headers['content-length'] = String(body.length);
  if (options.accessToken) headers.authorization = `Bearer ${options.accessToken}`;
  const port = options.port ?? 443;
  const what = `${options.method ?? 'GET'} https://${options.host}${port === 443 ? '' : `:${port}`}${options.path}`;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        servername: options.host,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: port === 443 ? options.host : `${options.host}:${port}`, ...headers },
        ca: options.ca,
        timeout: options.timeoutMs ?? 30_000,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        const chainPem = servedChain(res.socket as TLSSocket);
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const data = Buffer.concat(chunks);
          const text = data.toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: data,
            text,
            chainPem,
            json<T>() {
              try {
                return JSON.parse(text) as T;
              } catch {
                throw new Error(`${what}: HTTP ${res.statusCode}, not JSON: ${text.slice(0, 300)}`);
              }
            },
          });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${what}: timed out`)));
    req.on('error', (error) => reject(new Error(`${what}: ${error.message}`)));
    req.end(body);
  });
}

function servedChain(socket: TLSSocket): string {
  const pems: string[] = [];
  let cert = socket.getPeerCertificate?.(true);
  const seen = new Set<string>();
  while (cert && cert.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    const b64 = cert.raw.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
    pems.push(`-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`);
    cert = cert.issuerCertificate;
  }
  return pems.join('');
}
