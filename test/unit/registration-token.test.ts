import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createRegistrationToken, login, logout, registrationTokenStep } from '../../steps/registration-token.js';
import { testAnswers, testTarget } from '../helpers/answers.js';

describe('registration token', () => {
  const tokens = new Set<string>();
  const requests: string[] = [];
  const created: Array<Record<string, unknown>> = [];
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
          created.push(input);
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

  it('logs in, creates the token once with its limits, and logs out', async () => {
    const accessToken = await login({ baseUrl }, 'admin', 'pw');
    const now = Date.UTC(2026, 10, 26);
    assert.equal(await createRegistrationToken({ baseUrl }, accessToken, 'tok-en_1', { uses: 3, days: 2 }, now), 'created');
    assert.equal(await createRegistrationToken({ baseUrl }, accessToken, 'tok-en_1', { uses: 3, days: 2 }, now), 'exists');
    assert.deepEqual(created, [{ token: 'tok-en_1', uses_allowed: 3, expiry_time: now + 2 * 24 * 3600 * 1000 }], 'a limited number of uses and an expiry, never unlimited');
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

  it('the first token is limited by default (10 accounts, 7 days) and by the answers', async () => {
    const { validateAnswersDocument } = await import('../../src/answers/validate.js');
    const base = 'version: 1\nserver_name: example.org\ntls:\n  email: a@example.org\nsynapse:\n  registration: token\n';
    const defaults = validateAnswersDocument(base);
    assert.deepEqual([defaults.synapse.registration_token_uses, defaults.synapse.registration_token_days], [10, 7]);
    const given = validateAnswersDocument(`${base}  registration_token_uses: 1\n  registration_token_days: 30\n`);
    const [task] = registrationTokenStep.plan({ answers: given, target: testTarget() });
    assert.ok(task.kind === 'task');
    const create = task.shows.find((show) => show.argv[1]?.endsWith('/registration_tokens/new'));
    assert.deepEqual(JSON.parse(create!.stdin!), { token: '<<secret:registration_token>>', uses_allowed: 1, expiry_time: '<milliseconds now + 30 days>' });
    assert.throws(() => validateAnswersDocument(`${base}  registration_token_uses: 0\n`), /registration_token_uses/);
    assert.throws(() => validateAnswersDocument(`${base}  registration_token_days: 3650\n`), /registration_token_days/);
    assert.throws(() => validateAnswersDocument(base.replace('token', 'disabled') + '  registration_token_uses: 5\n'), /only applies when synapse\.registration is token/);
  });
});
