// A server (or an impostor on its address) asking for the password in cleartext gets none:
// the connection fails with a message saying so. The server here speaks just enough of the
// PostgreSQL protocol to ask, and records whether a password message ever arrives.
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { connectDatabase } from '../../src/database/connection.js';
import { StepError } from '../../src/errors.js';

describe('database connections refuse cleartext password authentication', () => {
  let server: Server;
  let port: number;
  const received: string[] = [];

  before(async () => {
    server = createServer((socket: Socket) => {
      let startup = true;
      socket.on('data', (data: Buffer) => {
        if (startup) {
          startup = false;
          // AuthenticationCleartextPassword: 'R', length 8, code 3.
          socket.write(Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3]));
          return;
        }
        // A PasswordMessage is 'p'; the client closing says 'X' (Terminate).
        if (data[0] === 0x70) received.push(data.subarray(5).toString('utf8'));
        socket.end();
      });
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => server.close());

  it('fails with a message that says so, and the password never leaves', async () => {
    await assert.rejects(
      connectDatabase({ host: '127.0.0.1', port, database: 'synapse', user: 'synapse_user', password: 'the-real-password', sslmode: 'disable', connectTimeoutMs: 5000 }),
      (error: unknown) => {
        assert.ok(error instanceof StepError, String(error));
        assert.match(error.message, /asked for the password of "synapse_user" in cleartext; matrix-setup did not send it/);
        assert.match(error.hint ?? '', /scram-sha-256/);
        return true;
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(received, [], 'a password message reached the server');
  });
});
