import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answersToYaml } from '../../src/answers/save.js';
import { validateAnswersDocument } from '../../src/answers/validate.js';
import { FakeEngine } from './fake-engine.js';
import { flat, KEYS, matchSnapshot, startWizard, type Wizard } from './helpers.js';
import { accept, answerText, answerUpToEmail, answerWithTurnAndEmail, choose, TURN_AND_EMAIL_YAML } from './walk.js';

async function saveFromReview(w: Wizard): Promise<void> {
  await w.waitFor('Your decisions');
  await w.press('s');
  await w.waitFor('Save the answers file to');
  await w.press(KEYS.enter);
  await w.waitFor('Saved to');
}

test('TURN and email: the wizard and --answers give the same answers file', async () => {
  const engine = new FakeEngine();
  const w = await startWizard(engine, { planOnly: true });
  try {
    await w.press(KEYS.enter);
    await answerWithTurnAndEmail(w, { file: '/root/smtp-password' });
    const review = await w.waitFor((f) => f.includes('Your decisions') && f.includes('Calls (TURN)'));
    assert.match(flat(review), /Email via smtp\.example\.org:465 \(tls\), from Matrix <noreply@example\.org>/);
    assert.match(review, /Calls \(TURN\)\s+coturn, relay ports 50000-50999, public 203\.0\.113\.10 → 10\.0\.0\.5/);
    await saveFromReview(w);
    const fromFile = answersToYaml(validateAnswersDocument(TURN_AND_EMAIL_YAML));
    assert.equal(engine.saved[0]!.text, fromFile);
    assert.match(engine.saved[0]!.text, /smtp_password_file: \/root\/smtp-password/);
  } finally {
    w.unmount();
  }
});

test('the SMTP password can come from an environment variable; the file question is not asked', async () => {
  const engine = new FakeEngine();
  const w = await startWizard(engine, { planOnly: true });
  try {
    await w.press(KEYS.enter);
    await answerWithTurnAndEmail(w, { env: 'SMTP_PASSWORD' });
    await saveFromReview(w);
    const expected = answersToYaml(validateAnswersDocument(TURN_AND_EMAIL_YAML.replace('smtp_password_file: /root/smtp-password', 'smtp_password_env: SMTP_PASSWORD')));
    assert.equal(engine.saved[0]!.text, expected);
    assert.doesNotMatch(engine.saved[0]!.text, /smtp_password_file/);
  } finally {
    w.unmount();
  }
});

test('email: the leak warning, port following the encryption, a password typed as the file name is refused', async () => {
  const engine = new FakeEngine();
  const w = await startWizard(engine, { planOnly: true });
  try {
    await w.press(KEYS.enter);
    await answerUpToEmail(w);
    const question = await w.waitFor('Send email notifications');
    matchSnapshot('question-email', question);
    assert.match(flat(question), /Notification emails can contain the text of messages/);
    await choose(w, 'Send email notifications', 1);
    const host = await w.waitFor('SMTP server');
    assert.match(host, /› e\.g\. smtp\.example\.org/, 'the placeholder uses the server name');
    await answerText(w, 'SMTP server', 'smtp.example.org');
    await choose(w, 'Encryption of the SMTP connection', 2);
    assert.match(await w.waitFor('SMTP port'), /› 465/);
    await accept(w, 'SMTP port');
    await answerText(w, 'SMTP login', 'matrix@example.org');
    await choose(w, 'Where should the SMTP password be read from?', 1);
    await w.waitFor('File holding the SMTP password');
    await w.type('hunter2');
    await w.press(KEYS.enter);
    const refused = await w.waitFor('✗');
    assert.match(flat(refused), /File holding the SMTP password/, 'still on the question');
    await w.press(KEYS.ctrlU);
    await w.type('/root/smtp-password');
    await w.press(KEYS.enter);
    assert.match(await w.waitFor('Sender of the mails'), /› Matrix <noreply@example\.org>/);
  } finally {
    w.unmount();
  }
});

test('TURN: the NAT question explains when it is needed; a private address needs the public one', async () => {
  const engine = new FakeEngine();
  const w = await startWizard(engine, { planOnly: true });
  try {
    await w.press(KEYS.enter);
    await answerUpToEmail(w);
    await accept(w, 'Send email notifications');
    await accept(w, 'Create an administrator account?');
    await accept(w, 'Admin user name');
    await accept(w, 'File holding the admin password');
    await accept(w, 'Who may create an account?');
    await choose(w, 'Set up a TURN server', 1);
    const external = await w.waitFor('Public IP address of this machine');
    matchSnapshot('question-turn-external-ip', external);
    assert.match(flat(external), /Only needed behind NAT/);
    await w.type('not-an-ip');
    assert.match(await w.waitFor('✗'), /✗/);
    await w.press(KEYS.ctrlU);
    await w.press(KEYS.enter);
    // Without a public address there is nothing to pair a private one with.
    await w.waitFor('Install Element Web');
  } finally {
    w.unmount();
  }
});

test('turning TURN and email off again leaves none of their answers in the file', async () => {
  const engine = new FakeEngine();
  const w = await startWizard(engine, { planOnly: true });
  try {
    await w.press(KEYS.enter);
    await answerWithTurnAndEmail(w, { file: '/root/smtp-password' });
    await w.waitFor('Your decisions');
    // Back from the review to the last question, then change the two switches directly.
    const state = w.store.getState();
    w.store.dispatch({ type: 'back' });
    await w.waitFor('Turn on automatic security updates?');
    assert.equal(state.review.answers?.turn.enabled, true);
    // Walk back to the email switch.
    for (let i = 0; i < 40 && !w.lastFrame().includes('Send email notifications'); i++) await w.press(KEYS.escape);
    await choose(w, 'Send email notifications', 2);
    for (let i = 0; i < 10 && !w.lastFrame().includes('Set up a TURN server'); i++) await w.press(KEYS.enter);
    await choose(w, 'Set up a TURN server', 2);
    for (let i = 0; i < 40 && !w.lastFrame().includes('Your decisions'); i++) await w.press(KEYS.enter);
    await saveFromReview(w);
    const saved = validateAnswersDocument(engine.saved[0]!.text);
    assert.deepEqual(saved.email, { enabled: false, smtp_port: 587, tls: 'starttls' });
    assert.deepEqual(saved.turn, { enabled: false, min_port: 49152, max_port: 65535 });
    assert.equal(saved.synapse.cache_factor, 2, 'answers to other questions stay');
  } finally {
    w.unmount();
  }
});

test("the Let's Encrypt address is offered as an example with the server name, never prefilled", async () => {
  const engine = new FakeEngine();
  const w = await startWizard(engine, { planOnly: true });
  try {
    await w.press(KEYS.enter);
    await answerText(w, 'Your Matrix domain', 'chat.acme.test');
    await accept(w, 'Host name that serves Synapse');
    await accept(w, 'Federate with other Matrix servers?');
    await accept(w, 'Where does the HTTPS certificate come from?');
    const email = await w.waitFor("Email address for Let's Encrypt");
    assert.match(email, /› e\.g\. admin@chat\.acme\.test/);
    await w.press(KEYS.enter);
    assert.match(await w.waitFor('is required'), /is required/, 'the example is not taken as the answer');
  } finally {
    w.unmount();
  }
});

test('typing over a suggested answer replaces it; Backspace edits it instead', async () => {
  const engine = new FakeEngine();
  const w = await startWizard(engine, { planOnly: true });
  try {
    await w.press(KEYS.enter);
    await answerText(w, 'Your Matrix domain', 'example.org');
    const suggested = await w.waitFor('Host name that serves Synapse');
    assert.match(suggested, /› example\.org/);
    assert.match(suggested, /typing replaces it/);
    await w.type('matrix.example.org');
    assert.match(await w.waitFor('› matrix.example.org'), /› matrix\.example\.org/);
    await w.press(KEYS.escape);
    await w.waitFor('Your Matrix domain');
    await w.press(KEYS.backspace);
    await w.type('g');
    assert.match(await w.waitFor('› example.org'), /› example\.org/);
  } finally {
    w.unmount();
  }
});
