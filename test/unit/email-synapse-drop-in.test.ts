import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { replaceSecretTokens } from '../../src/secrets/tokens.js';
import { synapseEmailStep } from '../../steps/synapse-email.js';
import { synapseEmailYaml } from '../../steps/templates/synapse-email.js';
import { testAnswers, testTarget } from '../helpers/answers.js';
import { SmtpSink } from '../helpers/smtp-sink.js';
import { checkEmailBlock } from '../e2e/checks/email.js';
import { createConnection } from 'node:net';

const email = { enabled: true, smtp_host: 'smtp.example.org', smtp_port: 587, tls: 'starttls' as const, smtp_user: 'matrix@example.org', smtp_password: { file: '/root/pw' }, notif_from: 'Matrix <noreply@example.org>' };

describe('Synapse email drop-in', () => {
  it('keeps any password verbatim (a YAML literal block)', () => {
    const nasty = `p"a'ss: #\\ {x} %s`;
    const text = replaceSecretTokens(synapseEmailYaml(testAnswers({ email })), () => nasty);
    const block = checkEmailBlock(text, { smtpHost: 'smtp.example.org', smtpPort: 587 });
    assert.equal(block.smtp_pass, nasty);
    assert.equal(block.smtp_user, 'matrix@example.org');
    assert.equal(block.enable_notifs, true);
    assert.equal(block.client_base_url, 'https://element.example.org');
  });

  it('maps the TLS mode to force_tls / require_transport_security / enable_tls', () => {
    const of = (tls: 'starttls' | 'tls' | 'none') => (parse(synapseEmailYaml(testAnswers({ email: { ...email, tls, smtp_user: undefined, smtp_password: undefined } }))) as { email: Record<string, unknown> }).email;
    assert.deepEqual([of('tls').force_tls, of('tls').require_transport_security], [true, undefined]);
    assert.deepEqual([of('starttls').force_tls, of('starttls').require_transport_security], [false, true]);
    assert.deepEqual([of('none').enable_tls, of('none').require_transport_security], [false, false]);
    assert.equal(of('none').smtp_pass, undefined);
  });

  it('escapes a lone % in the sender (Synapse formats it with %(app)s)', () => {
    const block = (parse(synapseEmailYaml(testAnswers({ email: { ...email, notif_from: '100% Matrix %(app)s <n@example.org>' } }))) as { email: Record<string, string> }).email;
    assert.equal(block.notif_from, '100%% Matrix %(app)s <n@example.org>');
  });

  it('warns that notification mails carry message content', () => {
    assert.match(synapseEmailYaml(testAnswers({ email })), /# Notification emails quote the messages/);
  });

  it('step: drop-in readable by Synapse only, restart on change; moved aside when email is off', () => {
    const [file] = synapseEmailStep.plan({ answers: testAnswers({ email }), target: testTarget('debian-12') });
    assert.ok(file.kind === 'file' && file.path === '/etc/matrix-synapse/conf.d/matrix-setup-email.yaml' && file.mode === 0o640 && file.group === 'matrix-synapse');
    assert.match(file.kind === 'file' ? file.content : '', /<<secret:smtp_password>>/);
    const off = synapseEmailStep.plan({ answers: testAnswers(), target: testTarget('debian-12') });
    assert.equal(off[0].kind, 'task');
  });
});

describe('SMTP sink', () => {
  let sink: SmtpSink;
  before(async () => (sink = await SmtpSink.start()));
  after(() => sink.stop());

  it('receives a message over SMTP', async () => {
    const socket = createConnection(sink.port, '127.0.0.1');
    const script = ['EHLO test', 'MAIL FROM:<a@example.org>', 'RCPT TO:<b@example.org>', 'DATA', 'Subject: hi\r\n\r\n..dot line\r\nbody\r\n.', 'QUIT'];
    let replies = '';
    socket.on('data', (chunk) => {
      replies += chunk;
      const expected = 1 + Math.min(script.length, replies.split('\r\n').length);
      void expected;
    });
    await new Promise<void>((resolve) => socket.once('data', () => resolve()));
    for (const line of script) {
      socket.write(`${line}\r\n`);
      await new Promise((r) => setTimeout(r, 30));
    }
    const [mail] = await sink.waitForMessages(1, 5000);
    socket.destroy();
    assert.equal(mail.from, 'a@example.org');
    assert.deepEqual(mail.to, ['b@example.org']);
    assert.match(mail.data, /^Subject: hi\r\n\r\n\.dot line\r\nbody\r\n$/);
    assert.match(replies, /^220 /);
    assert.match(replies, /250 OK: queued/);
  });
});
