import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createRegistrationToken, login, logout, registrationTokenStep } from '../../steps/registration-token.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

describe('registration token', () => {
  const tokens = new Set<string>();
  const requests: string[] = [];
  let server: Server;
  let baseUrl: string;

  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        requests.push(`${req.method} ${req.url}`);
        const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
        const authorized = req.headers.authorization === 'Bearer at-1';
        if (req.url === '/_matrix/client/v3/login') {
          const input = JSON.parse(body);
          return input.password === 'pw' ? json(200, { access_token: 'at-1' }) : json(403, { errcode: 'M_FORBIDDEN', error: 'Invalid password' });
        }
        if (!authorized) return json(401, { errcode: 'M_MISSING_TOKEN' });
        if (req.url === '/_matrix/client/v3/logout') return json(200, {});
        if (req.url === '/_synapse/admin/v1/registration_tokens/new') {
          const input = JSON.parse(body);
          tokens.add(input.token);
          return json(200, { token: input.token, uses_allowed: input.uses_allowed });
        }
        const match = /^\/_synapse\/admin\/v1\/registration_tokens\/(.+)$/.exec(req.url ?? '');
        if (match) return tokens.has(decodeURIComponent(match[1])) ? json(200, {}) : json(404, { errcode: 'M_NOT_FOUND' });
        json(404, {});
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  it('logs in, creates the token once, and logs out', async () => {
    const accessToken = await login({ baseUrl }, 'admin', 'pw');
    assert.equal(await createRegistrationToken({ baseUrl }, accessToken, 'tok-en_1'), 'created');
    assert.equal(await createRegistrationToken({ baseUrl }, accessToken, 'tok-en_1'), 'exists');
    await logout({ baseUrl }, accessToken);
    assert.ok(tokens.has('tok-en_1'));
    assert.equal(requests.filter((r) => r === 'POST /_synapse/admin/v1/registration_tokens/new').length, 1);
    assert.ok(requests.includes('POST /_matrix/client/v3/logout'));
  });

  it('fails with a hint when the admin password is refused', async () => {
    await assert.rejects(login({ baseUrl }, 'admin', 'wrong'), /refused the admin login.*Invalid password/);
  });

  it('only applies to registration by token with an admin account', () => {
    const target = testTarget();
    assert.match(registrationTokenStep.skip!({ answers: testAnswers(), target })!, /registration is disabled/);
    assert.match(registrationTokenStep.skip!({ answers: testAnswers({ synapse: { registration: 'token' }, admin: { enabled: false } }), target })!, /admin.enabled is false/);
    assert.equal(registrationTokenStep.skip!({ answers: testAnswers({ synapse: { registration: 'token' } }), target }), undefined);
    const [task] = registrationTokenStep.plan({ answers: testAnswers({ synapse: { registration: 'token' } }), target });
    assert.ok(task.kind === 'task' && JSON.stringify(task.shows).includes('<<secret:registration_token>>'));
    assert.ok(!JSON.stringify(task.shows).includes('pw'));
  });
});
