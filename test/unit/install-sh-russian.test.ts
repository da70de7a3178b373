// install.sh in Russian: it picks the language as matrix-setup does (--lang, else LC_ALL,
// LC_MESSAGES, LANG), and what it says while it waits for a busy package manager, stops, or
// refuses an argument is Russian then; English otherwise. The lock is a real fcntl lock held
// by perl on a scratch file, read back from the real /proc/locks (as in install-sh-package-manager).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { holdLock, releaseLocks } from '../helpers/fcntl-lock.js';

const SCRIPT = join(import.meta.dirname, '..', '..', 'install.sh');
const dir = mkdtempSync(join(tmpdir(), 'matrix-setup-install-sh-ru-'));
after(() => {
  releaseLocks();
  rmSync(dir, { recursive: true, force: true });
});

const NO_LOCALE = { LC_ALL: '', LC_MESSAGES: '', LANG: '' };

function bash(snippet: string, locale: Record<string, string> = NO_LOCALE) {
  return spawnSync('bash', ['-c', `source "${SCRIPT}"; ${snippet}`], {
    encoding: 'utf8',
    env: { ...process.env, ...NO_LOCALE, ...locale, MATRIX_SETUP_INSTALL_SH_NO_MAIN: '1' },
    timeout: 60_000,
  });
}

describe('install.sh in Russian', () => {
  it('speaks Russian for --lang ru or a ru_* locale, English otherwise; --lang wins', () => {
    const speaks = (args: string, locale?: Record<string, string>) => bash(`read_language ${args}; echo "[\${SPEAK_RUSSIAN}]"`, locale).stdout.trim();
    assert.equal(speaks('--answers a.yaml --lang ru --yes'), '[1]');
    assert.equal(speaks('--lang=ru'), '[1]');
    assert.equal(speaks('', { LANG: 'ru_RU.UTF-8' }), '[1]');
    assert.equal(speaks('', { LC_MESSAGES: 'ru_UA.UTF-8', LANG: 'en_US.UTF-8' }), '[1]');
    assert.equal(speaks('', { LC_ALL: 'C.UTF-8', LANG: 'ru_RU.UTF-8' }), '[]', 'LC_ALL decides first');
    assert.equal(speaks('--lang en', { LANG: 'ru_RU.UTF-8' }), '[]');
    assert.equal(speaks('', { LANG: 'en_US.UTF-8' }), '[]');
    assert.equal(speaks('-- --lang ru'), '[]', 'nothing after --');
  });

  it('refuses a bad --package-lock-wait in Russian, exit 2', () => {
    const result = bash('read_language --lang ru; read_lock_wait --package-lock-wait soon');
    assert.equal(result.status, 2);
    assert.equal(result.stderr.trim(), 'matrix-setup: --package-lock-wait soon: укажите, сколько минут ждать, числом, например --package-lock-wait 30');
    const english = bash('read_language; read_lock_wait --package-lock-wait soon');
    assert.match(english.stderr, /give the minutes to wait as a number/);
  });

  it('waits for a busy package manager saying so in Russian, and stops in Russian at the limit', async () => {
    const lock = join(dir, 'lock-busy');
    const holder = await holdLock(lock, 3);
    const waited = bash(`APT_LOCK_FILES=("${lock}"); read_language; read_lock_wait; wait_for_package_manager debian; echo done`, { LANG: 'ru_RU.UTF-8' });
    assert.equal(waited.status, 0, waited.stderr);
    assert.match(waited.stderr, new RegExp(`^matrix-setup: ожидание менеджера пакетов: perl \\(PID ${holder.pid}\\) удерживает ${lock} · прошло 0:0\\d из 15:00$`, 'm'));
    assert.match(waited.stderr, /^matrix-setup: менеджер пакетов освободился \(ожидание 0:0[2-5]\); продолжаем$/m);
    assert.doesNotMatch(waited.stderr, /waiting for|holds|free again/);

    const stuck = join(dir, 'lock-stuck');
    const other = await holdLock(stuck, 30);
    const stopped = bash(`APT_LOCK_FILES=("${stuck}"); read_language --lang ru; LOCK_WAIT_SECONDS=2; wait_for_package_manager debian; echo not-reached`);
    assert.equal(stopped.status, 1);
    assert.match(stopped.stderr, new RegExp(`менеджер пакетов всё ещё занят \\(ожидание 0:0[23]\\): perl \\(PID ${other.pid}\\) удерживает ${stuck}`));
    assert.match(stopped.stderr, /Никогда не удаляйте файлы блокировок/);
    other.kill('SIGKILL');
  });
});
