/** The steps of `matrix-setup adopt --yes`: checking the server, keeping its secrets, backing it up, moving SQLite to PostgreSQL, switching off hand-written sites, renewing its certificate. */
import { defineMessages } from '../define.js';

export const adoptStepText = defineMessages('steps-adopt', {
  readOnly: { en: 'read-only', ru: 'только чтение' },

  // adopt-check
  checkTitle: { en: 'Check the server to adopt', ru: 'Проверка сервера перед переводом под управление' },
  checkTask: {
    en: 'Check that this machine runs the Synapse of {server} from {source}, started by systemd, and that matrix-setup can take it over',
    ru: 'Проверить, что на этой машине работает Synapse сервера {server} из {source}, запущенный через systemd, и что matrix-setup может взять его под управление',
  },
  whenServerBlocks: { en: 'read-only: the server blocks in front of Synapse', ru: 'только чтение: блоки server перед Synapse' },
  whenPorts: { en: 'read-only: who serves ports 80, 443 and 8448', ru: 'только чтение: кто обслуживает порты 80, 443 и 8448' },
  otherServerName: {
    en: 'This Synapse is the server "{found}", but the answers say server_name "{answered}".',
    ru: 'Этот Synapse — сервер «{found}», а в ответах server_name «{answered}».',
  },
  otherMethod: {
    en: 'Synapse is installed as "{found}", but the answers say synapse.install "{answered}".',
    ru: 'Synapse установлен как «{found}», а в ответах synapse.install «{answered}».',
  },
  cannotAdopt: { en: 'This server cannot be adopted:\n  - {problems}', ru: 'Этот сервер нельзя взять под управление:\n  - {problems}' },
  cannotAdoptHint: {
    en: 'Nothing was changed. `matrix-setup adopt` (without --yes) shows what it found.',
    ru: 'Ничего не изменено. `matrix-setup adopt` (без --yes) покажет, что найдено.',
  },
  found: { en: 'Synapse of {server} ({package}, {unit}); database: {engine}.', ru: 'Synapse сервера {server} ({package}, {unit}); база данных: {engine}.' },
  unknown: { en: 'unknown', ru: 'неизвестно' },

  // adopt-secrets
  secretsTitle: { en: "Keep the server's secrets", ru: 'Сохранение секретов сервера' },
  secretsTask: {
    en: "Keep the secrets set in {files} (registration shared secret, macaroon key, form secret, TURN secret, database password) in matrix-setup's secrets file",
    ru: 'Сохранить секреты, заданные в {files} (общий секрет регистрации, ключ macaroon, секрет форм, секрет TURN, пароль базы данных), в файле секретов matrix-setup',
  },
  keptSecret: { en: "Kept {name} from Synapse's config.", ru: '{name} сохранён из конфигурации Synapse.' },
  keptDatabasePassword: {
    en: "Kept the database password from Synapse's config in {file} (0600).",
    ru: 'Пароль базы данных из конфигурации Synapse сохранён в {file} (0600).',
  },

  // adopt-backup
  backupTitle: { en: 'Back up the server before adopting it', ru: 'Резервная копия сервера перед переводом под управление' },
  backupTask: {
    en: "Write a backup of the server as it is now to {dir}/ (mode 0600): its database, the signing key, Synapse's configuration, matrix-setup's answers and the server's secrets, the certificate (not the media, which adopting does not touch); adopting stops if it fails",
    ru: 'Записать резервную копию сервера в его нынешнем виде в {dir}/ (права 0600): база данных, ключ подписи, конфигурация Synapse, ответы matrix-setup и секреты сервера, сертификат (без медиафайлов: перевод под управление их не трогает); если копия не удалась, перевод останавливается',
  },
  whenSqlite: {
    en: 'while Synapse uses SQLite: a consistent copy of the file as Synapse runs, the file itself only read',
    ru: 'пока Synapse использует SQLite: согласованная копия файла при работающем Synapse, сам файл только читается',
  },
  whenPostgres: { en: 'when Synapse already uses PostgreSQL', ru: 'если Synapse уже использует PostgreSQL' },
  backupWritten: { en: 'The server as it was before adopting is in {archive}.', ru: 'Сервер в том виде, каким он был до перевода под управление, сохранён в {archive}.' },

  // adopt-sqlite-port
  portTitle: { en: 'Move the SQLite database to PostgreSQL', ru: 'Перенос базы данных SQLite в PostgreSQL' },
  portTask: {
    en: "Port Synapse's SQLite database into PostgreSQL database {name} (only while Synapse's config still says sqlite3)",
    ru: 'Перенести базу данных SQLite сервера Synapse в базу данных PostgreSQL {name} (только пока в конфигурации Synapse ещё указан sqlite3)',
  },
  whenStop: { en: 'Synapse must not write to the SQLite file during the port', ru: 'во время переноса Synapse не должен писать в файл SQLite' },
  whenCopy: { en: 'unless a copy of the unchanged file is there (compared by SHA-256)', ru: 'если ещё нет копии неизменённого файла (сравнение по SHA-256)' },
  whenOwner: { en: 'owner {user}, mode 0600', ru: 'владелец {user}, права 0600' },
  whenUpdates: {
    en: 'on the copy ({config}: the same settings, the copy as database): background updates Synapse had not finished, which the port tool refuses to start with',
    ru: 'на копии ({config}: те же настройки, копия как база данных): фоновые обновления, которые Synapse не завершил и с которыми инструмент переноса не запускается',
  },
  whenPort: { en: 'reads the copy, writes PostgreSQL; run again after an interruption', ru: 'читает копию, пишет в PostgreSQL; после прерывания запускается снова' },
  sqliteMissing: { en: "Synapse's SQLite database {path} does not exist.", ru: 'Базы данных SQLite {path} не существует.' },
  sqliteMissingHint: { en: "Check database.args.database in Synapse's config. Nothing was changed.", ru: 'Проверьте database.args.database в конфигурации Synapse. Ничего не изменено.' },
  stoppedForPort: {
    en: 'Stopped Synapse ({unit}) for the port; it starts again on PostgreSQL.',
    ru: 'Synapse ({unit}) остановлен на время переноса; он запустится снова уже на PostgreSQL.',
  },
  usingCopy: { en: 'Using the copy made {at} (the SQLite file has not changed since).', ru: 'Используется копия, сделанная {at} (файл SQLite с тех пор не менялся).' },
  copied: { en: 'Copied {source} to {copy} (SHA-256 {sha}…).', ru: '{source} скопирован в {copy} (SHA-256 {sha}…).' },
  updatesHint: {
    en: 'Synapse could not finish its background updates on the copy; the output names the update. The SQLite file itself is unchanged.',
    ru: 'Synapse не смог завершить фоновые обновления на копии; обновление названо в выводе. Сам файл SQLite не изменён.',
  },
  portFailed: {
    en: "Synapse's port tool failed (exit {code}); Synapse still uses SQLite and stays stopped.",
    ru: 'Инструмент переноса Synapse завершился ошибкой (код {code}); Synapse по-прежнему использует SQLite и остаётся остановленным.',
  },
  changedDuringPort: { en: '{path} changed while it was being ported.', ru: '{path} изменился во время переноса.' },
  changedDuringPortHint: {
    en: 'Something other than matrix-setup started Synapse. Stop it (systemctl stop {unit}) and resume.',
    ru: 'Synapse запустил кто-то помимо matrix-setup. Остановите его (systemctl stop {unit}) и продолжите.',
  },
  ported: {
    en: 'Ported {source} into PostgreSQL database {name}; the SQLite file is unchanged (SHA-256 {sha}…) and stays where it is.',
    ru: '{source} перенесён в базу данных PostgreSQL {name}; файл SQLite не изменён (SHA-256 {sha}…) и остаётся на месте.',
  },
  pendingUpdatesHint: {
    en: 'The SQLite database has unfinished background updates. Start Synapse again (systemctl start {unit}), leave it running until they are done, then resume.',
    ru: 'В базе данных SQLite есть незавершённые фоновые обновления. Снова запустите Synapse (systemctl start {unit}), дайте ему поработать, пока они не завершатся, затем продолжите.',
  },
  connectHint: {
    en: 'The port tool could not reach PostgreSQL with the credentials in its config; check `systemctl status postgresql`, then resume.',
    ru: 'Инструмент переноса не смог подключиться к PostgreSQL с данными из своей конфигурации; проверьте `systemctl status postgresql`, затем продолжите.',
  },
  portHint: {
    en: 'The output names the table or setting. Fix the cause and resume: the port tool continues where it stopped.',
    ru: 'В выводе названа таблица или настройка. Устраните причину и продолжите: инструмент переноса продолжит с места остановки.',
  },
  noUser: { en: 'The user {user} does not exist.', ru: 'Пользователя {user} не существует.' },
  noUserHint: { en: 'Reinstall the Synapse package, then resume.', ru: 'Переустановите пакет Synapse, затем продолжите.' },

  // adopt-ported-data
  portedDataTitle: { en: 'Check the ported data', ru: 'Проверка перенесённых данных' },
  fewerAccounts: { en: 'PostgreSQL has {after} accounts, the SQLite database {before}.', ru: 'В PostgreSQL учётных записей: {after}, в базе данных SQLite: {before}.' },
  fewerAccountsHint: {
    en: "The port did not finish. The SQLite file is unchanged: see the port tool's output in the log.",
    ru: 'Перенос не завершился. Файл SQLite не изменён: смотрите вывод инструмента переноса в журнале.',
  },
  portedCounts: { en: 'PostgreSQL holds {counts} (the SQLite copy: {before}).', ru: 'В PostgreSQL: {counts} (в копии SQLite: {before}).' },

  // adopt-nginx-sites
  sitesTitle: { en: 'Switch off the hand-written nginx sites', ru: 'Отключение сайтов nginx, написанных вручную' },
  sitesTask: {
    en: 'Switch off hand-written nginx server blocks for {names} (kept under {dir})',
    ru: 'Отключить написанные вручную блоки server nginx для {names} (копии хранятся в {dir})',
  },
  whenWhichFiles: { en: 'read-only: which files hold server blocks for these names', ru: 'только чтение: в каких файлах блоки server для этих имён' },
  whenEachFile: { en: 'for each such file, after copying it to the backups', ru: 'для каждого такого файла, после копирования в резервные копии' },
  whenAfterwards: { en: 'afterwards; on failure the files are put back', ru: 'после этого; при ошибке файлы возвращаются на место' },
  nginxUnreadable: {
    en: "nginx's configuration fails its test, so matrix-setup cannot read it.",
    ru: 'Конфигурация nginx не проходит проверку, поэтому matrix-setup не может её прочитать.',
  },
  nginxUnreadableHint: { en: 'Run `nginx -t`, fix what it reports, then resume.', ru: 'Выполните `nginx -t`, исправьте то, о чём он сообщит, затем продолжите.' },
  servesMore: {
    en: '{where} serves {what} as well, so matrix-setup will not switch it off.',
    ru: '{where} отдаёт ещё и {what}, поэтому matrix-setup не будет его отключать.',
  },
  fromNginxConf: { en: 'from nginx.conf', ru: 'содержимое nginx.conf' },
  servesMoreHint: {
    en: 'Move that content into a server block of its own, then resume. Nothing was changed.',
    ru: 'Перенесите это содержимое в отдельный блок server, затем продолжите. Ничего не изменено.',
  },
  switchedOffLink: {
    en: 'Switched off {path} (a link to {real}, which stays; a copy is kept as {backup}).',
    ru: '{path} отключён (это ссылка на {real}, который остаётся; копия сохранена как {backup}).',
  },
  movedOut: { en: "Moved {path} out of nginx's configuration (kept as {backup}).", ru: '{path} убран из конфигурации nginx (сохранён как {backup}).' },
  putBack: {
    en: 'nginx fails its test without the hand-written site (something else refers to it); it was put back.',
    ru: 'Без написанного вручную сайта nginx не проходит проверку (на него ссылается что-то ещё); сайт возвращён на место.',
  },
  putBackHint: {
    en: 'The output names what refers to it. Move that into its own file, then resume.',
    ru: 'В выводе названо, что на него ссылается. Перенесите это в отдельный файл, затем продолжите.',
  },

  // adopt-certificate-renewal
  renewalTitle: { en: "Renew the existing certificate matrix-setup's way", ru: 'Продление имеющегося сертификата так, как это делает matrix-setup' },
  tlsModeIs: { en: 'tls.mode is {mode}', ru: 'в ответах tls.mode: {mode}' },
  renewalTask: {
    en: 'Make certbot renew {name} through {webroot} and reload nginx afterwards (when {renewal} says otherwise)',
    ru: 'Настроить certbot так, чтобы он продлевал {name} через {webroot} и затем перезагружал nginx (если в {renewal} указано иначе)',
  },
  whenRenewal: { en: 'when {renewal} exists and renews another way', ru: 'если {renewal} существует и продление настроено иначе' },
  withCaBundle: { en: '; with REQUESTS_CA_BUNDLE={bundle}', ru: '; с REQUESTS_CA_BUNDLE={bundle}' },
  renewalHint: {
    en: 'certbot tests the new settings with a dry run against {directory}: {name} must point at this machine and port 80 be open. Details: /var/log/letsencrypt/letsencrypt.log',
    ru: 'certbot проверяет новые настройки пробным запуском на {directory}: {name} должен указывать на эту машину, а порт 80 — быть открыт. Подробности: /var/log/letsencrypt/letsencrypt.log',
  },
  renewsNow: {
    en: "certbot renews {name} through matrix-setup's webroot now (before: {before}).",
    ru: 'Теперь certbot продлевает {name} через webroot matrix-setup (раньше: {before}).',
  },
  renewsWith: { en: 'it renews with the {authenticator} authenticator', ru: 'продление через аутентификатор {authenticator}' },
  webrootIs: { en: 'its webroot is {roots}', ru: 'его webroot — {roots}' },
  notSet: { en: 'not set', ru: 'не задан' },
  installerEdits: { en: "certbot's {installer} installer edits the web server's config", ru: 'установщик {installer} certbot правит конфигурацию веб-сервера' },
  noReload: { en: 'nginx is not reloaded after a renewal', ru: 'после продления nginx не перезагружается' },

  // Running over an unfinished run of another kind
  unfinishedOther: {
    en: 'The {last} started here did not finish{stopped}; {command} now would skip what the {last} still has to do.',
    ru: 'Начатый здесь {last} не завершён{stopped}; {command}, запущенный сейчас, пропустил бы то, что {last} ещё должен сделать.',
  },
  stoppedIn: { en: ' (it stopped in {step})', ru: ' (он остановился на шаге {step})' },
  // The command that would run over it, as {command} above: with its article in English.
  anInstall: { en: 'an install', ru: 'install' },
  anAdopt: { en: 'an adopt', ru: 'adopt' },
  aRestore: { en: 'a restore', ru: 'restore' },
  aBackup: { en: 'a backup', ru: 'backup' },
  anUpgrade: { en: 'an upgrade', ru: 'upgrade' },
  aRollback: { en: 'a rollback', ru: 'rollback' },
  unfinishedOtherHint: {
    en: 'Finish it first with: {resume} (see {status}). Nothing was changed.',
    ru: 'Сначала завершите его: {resume} (см. {status}). Ничего не изменено.',
  },

  // A restore of an adopt's SQLite backup
  sqliteArchive: {
    en: '{archive} holds the SQLite database of {server} (the backup `matrix-setup adopt` takes before it moves Synapse to PostgreSQL); matrix-setup restores backups of a PostgreSQL database only.',
    ru: 'В {archive} база данных SQLite сервера {server} (резервная копия, которую `matrix-setup adopt` делает перед переносом Synapse в PostgreSQL); matrix-setup восстанавливает только резервные копии базы данных PostgreSQL.',
  },
  sqliteArchiveHint: {
    en: "Nothing was changed. To go back to that state by hand: stop Synapse; `tar -xf {archive} {member}` and put that file at {path}, owned by Synapse's user; `tar -xf {archive} -C / --strip-components=1 {config}` puts Synapse's configuration back; then start Synapse. A backup made after adopting (matrix-setup backup) restores with matrix-setup restore.",
    ru: 'Ничего не изменено. Чтобы вернуться к этому состоянию вручную: остановите Synapse; `tar -xf {archive} {member}` и положите этот файл в {path}, владелец — пользователь Synapse; `tar -xf {archive} -C / --strip-components=1 {config}` вернёт конфигурацию Synapse; затем запустите Synapse. Резервная копия, сделанная после перевода под управление (matrix-setup backup), восстанавливается командой matrix-setup restore.',
  },
});
