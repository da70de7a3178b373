import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** Headers and body as sent, dot-unstuffed, with CRLF line ends. */
  data: string;
}

/**
 * A minimal SMTP server for tests: loopback only, accepts every message (and any AUTH), keeps
 * them in memory. No STARTTLS: point the sender at it with TLS off.
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private readonly server: Server;
  private waiters: Array<() => void> = [];

  private constructor(server: Server) {
    this.server = server;
  }

  static async start(port = 0): Promise<SmtpSink> {
    const server = createServer();
    const sink = new SmtpSink(server);
    server.on('connection', (socket) => sink.session(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    return sink;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Resolves once `count` messages arrived; rejects after the timeout. */
  async waitForMessages(count = 1, timeoutMs = 30_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`SMTP sink: ${this.messages.length} of ${count} messages after ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.messages.slice(0, count);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private session(socket: Socket): void {
    let buffer = '';
    let inData = false;
    let authLines = 0;
    let mail: ReceivedMail = { from: '', to: [], data: '' };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 localhost test SMTP sink');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          const startsEmpty = buffer.startsWith('.\r\n');
          if (end < 0 && !startsEmpty) return;
          const body = startsEmpty ? '' : buffer.slice(0, end + 2);
          buffer = startsEmpty ? buffer.slice(3) : buffer.slice(end + 5);
          mail.data = body.replace(/^\.\./gm, '.');
          this.messages.push(mail);
          mail = { from: '', to: [], data: '' };
          inData = false;
          reply('250 OK: queued');
          for (const wake of this.waiters.splice(0)) wake();
          continue;
        }
        const newline = buffer.indexOf('\r\n');
        if (newline < 0) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        if (authLines > 0) {
          authLines -= 1;
          reply(authLines > 0 ? '334 UGFzc3dvcmQ6' : '235 Authentication successful');
          continue;
        }
        const verb = line.split(' ')[0].toUpperCase();
        if (verb === 'EHLO') socket.write('250-localhost\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n');
        else if (verb === 'HELO') reply('250 localhost');
        else if (verb === 'AUTH') {
          const parts = line.split(' ');
          if (parts[1]?.toUpperCase() === 'LOGIN') {
            authLines = 2;
            reply('334 VXNlcm5hbWU6');
          } else if (parts.length > 2) reply('235 Authentication successful');
          else {
            authLines = 1;
            reply('334 ');
          }
        } else if (verb === 'MAIL') {
          mail.from = /<([^>]*)>/.exec(line)?.[1] ?? '';
          reply('250 OK');
        } else if (verb === 'RCPT') {
          mail.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          reply('250 OK');
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'RSET') {
          mail = { from: '', to: [], data: '' };
          reply('250 OK');
        } else if (verb === 'NOOP') reply('250 OK');
        else if (verb === 'QUIT') {
          reply('221 Bye');
          socket.end();
        } else reply('502 Command not implemented');
      }
    });
    socket.on('error', () => {});
  }
}
