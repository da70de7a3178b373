/** The commands for a server that runs already: status, backup, restore, upgrade and its rollback. */
import { defineMessages } from '../define.js';

export const day2Text = defineMessages('day2', {
  // status
  noRun: { en: 'No install has run here yet (no state in {dir}).', ru: 'Здесь ещё не было ни одной установки (нет состояния в {dir}).' },
  lastRun: { en: 'Last run: {status} on {target}, updated {updated}', ru: 'Последний запуск: {status} на {target}, обновлён {updated}' },
  lastRunOf: { en: 'Last run ({command}): {status} on {target}, updated {updated}', ru: 'Последний запуск ({command}): {status} на {target}, обновлён {updated}' },
  log: { en: 'Log: {file}', ru: 'Журнал: {file}' },
  statusDone: { en: 'done', ru: 'готово' },
  statusSkipped: { en: 'skipped', ru: 'пропущен' },
  statusFailed: { en: 'FAILED', ru: 'ОШИБКА' },
  statusInterrupted: { en: 'interrupted', ru: 'прерван' },
  statusRunning: { en: 'was running (the run stopped)', ru: 'выполнялся (запуск остановился)' },
  statusPending: { en: 'pending', ru: 'ожидает' },
  runDone: { en: 'done', ru: 'завершён' },
  runFailed: { en: 'failed', ru: 'завершился ошибкой' },
  runInterrupted: { en: 'interrupted', ru: 'прерван' },
  runRunning: { en: 'running', ru: 'выполняется' },
  continueWith: { en: 'Continue with: matrix-setup resume', ru: 'Продолжить: matrix-setup resume' },
  continueAdoptingWith: { en: 'Continue adopting with: matrix-setup resume', ru: 'Продолжить перевод под управление: matrix-setup resume' },
  none: { en: 'none', ru: 'нет' },
  upgradeUnfinished: {
    en: 'its {command} {status}: continue with `matrix-setup resume`',
    ru: '{command}: {status}; продолжить: `matrix-setup resume`',
  },
  upgradeUnfinishedUndo: {
    en: 'its {command} {status}: continue with `matrix-setup resume` or undo it with `matrix-setup upgrade --rollback`',
    ru: '{command}: {status}; продолжить: `matrix-setup resume` или отменить: `matrix-setup upgrade --rollback`',
  },
  rolledBack: { en: 'rolled back', ru: 'отменено' },
  upgradeState: { en: '{status}; undo with `matrix-setup upgrade --rollback`', ru: '{status}; отменить: `matrix-setup upgrade --rollback`' },
  lastUpgrade: { en: 'Last upgrade ({created}): {changes}: {state}', ru: 'Последнее обновление ({created}): {changes}: {state}' },

  // backup
  backupNeedsRoot: {
    en: "matrix-setup backup reads the server's database, secrets and certificate, so it must run as root.",
    ru: 'matrix-setup backup читает базу данных, секреты и сертификат сервера, поэтому его нужно запускать от root.',
  },
  nothingToBackUp: {
    en: 'There is no server installed by matrix-setup here to back up (no {path}).',
    ru: 'Здесь нет сервера, установленного matrix-setup, — нечего копировать (нет {path}).',
  },
  nothingToBackUpHint: { en: 'Run the backup as root on the server matrix-setup installed.', ru: 'Запустите резервное копирование от root на сервере, который установил matrix-setup.' },
  lastRunUnfinished: {
    en: 'warning: the last matrix-setup run here ended {status}; the backup holds the server as it is now.',
    ru: 'предупреждение: последний запуск matrix-setup здесь {status}; копия сохранит сервер в нынешнем состоянии.',
  },
  backupStopped: { en: 'Stopped: no archive was written (the unfinished one was removed).', ru: 'Остановлено: архив не записан (незаконченный удалён).' },
  backupWritten: {
    en: 'Backup of {server} (Synapse {version}) written: {size}, {media}.',
    ru: 'Резервная копия {server} (Synapse {version}) записана: {size}, {media}.',
  },
  backupMedia: { en: 'media: {files} files, {size}', ru: 'медиафайлов: {files}, {size}' },
  backupNoMedia: { en: 'without media', ru: 'без медиафайлов' },
  backupSecrets: {
    en: 'It holds the signing key and every secret of this server: copy it off this machine to a place only you can read.',
    ru: 'В ней ключ подписи и все секреты этого сервера: скопируйте её с этой машины туда, где её сможете прочитать только вы.',
  },
  backupRestoreWith: { en: 'Restore it on a new server with: matrix-setup restore {archive}', ru: 'Восстановить её на новом сервере: matrix-setup restore {archive}' },
  progressMedia: {
    en: 'media: {files} of {total} files, {done} of {all} ({percent}%)',
    ru: 'медиафайлы: {files} из {total}, {done} из {all} ({percent}%)',
  },
  progressDump: { en: 'database dump: archive at {size}', ru: 'выгрузка базы данных: архив {size}' },
  progressFiles: { en: 'configuration: archive at {size}', ru: 'конфигурация: архив {size}' },

  // restore
  restoreNeedsRoot: {
    en: 'matrix-setup restore installs system packages and services, so it must run as root.',
    ru: 'matrix-setup restore устанавливает системные пакеты и службы, поэтому его нужно запускать от root.',
  },
  checkingArchive: { en: 'checking the archive: {done} of {total}', ru: 'проверка архива: {done} из {total}' },
  archiveChecked: {
    en: 'Backup of {server} made {created} (Synapse {synapse}, PostgreSQL {postgresql}, {method} on {target}): every member matches its checksum.',
    ru: 'Резервная копия {server} от {created} (Synapse {synapse}, PostgreSQL {postgresql}, {method} на {target}): все элементы совпадают со своими контрольными суммами.',
  },
  confirmRestore: {
    en: 'Restore {server} from this backup on this {system} machine (installing what it needs)?',
    ru: 'Восстановить {server} из этой копии на этой машине ({system}), установив всё нужное?',
  },
  noRestoreToResume: { en: 'There is no restore to resume (no {path}).', ru: 'Нет восстановления, которое можно продолжить (нет {path}).' },
  noRestoreToResumeHint: { en: 'Start it again: matrix-setup restore ARCHIVE.', ru: 'Начните его снова: matrix-setup restore АРХИВ.' },
  restored: { en: 'Your homeserver {server} is restored from the backup of {created}.', ru: 'Домашний сервер {server} восстановлен из копии от {created}.' },
  restoredResumed: {
    en: 'Your homeserver {server} is restored (resumed) from the backup of {created}.',
    ru: 'Домашний сервер {server} восстановлен (после продолжения) из копии от {created}.',
  },
  homeserverUrl: { en: 'Homeserver URL: {url}', ru: 'Адрес сервера:  {url}' },
  elementWeb: { en: 'Element Web:    {url}', ru: 'Element Web:    {url}' },
  signingKey: { en: 'Signing key:    {key} (the same identity as before)', ru: 'Ключ подписи:   {key} (та же идентичность, что и раньше)' },
  noMediaInBackup: {
    en: 'The backup held no media (--no-media): earlier uploads are missing.',
    ru: 'В копии не было медиафайлов (--no-media): прежние загрузки отсутствуют.',
  },
  pointDns: {
    en: 'If the server moved: point the DNS of {names} at this machine,',
    ru: 'Если сервер переехал: направьте DNS {names} на эту машину',
  },
  stopOldSynapse: {
    en: 'and keep Synapse on the old machine stopped and disabled (systemctl disable --now matrix-synapse there).',
    ru: 'и держите Synapse на старой машине остановленным и отключённым (там: systemctl disable --now matrix-synapse).',
  },
  checkWithVerify: {
    en: 'Check it as clients and other servers see it: matrix-setup verify',
    ru: 'Проверьте сервер глазами клиентов и других серверов: matrix-setup verify',
  },
  warning: { en: 'warning: {message}', ru: 'предупреждение: {message}' },

  // upgrade
  upgradeNeedsRoot: {
    en: 'matrix-setup upgrade upgrades system packages and services, so it must run as root.',
    ru: 'matrix-setup upgrade обновляет системные пакеты и службы, поэтому его нужно запускать от root.',
  },
  rollbackNeedsRoot: {
    en: 'matrix-setup upgrade undoes an upgrade of system packages and services, so it must run as root.',
    ru: 'matrix-setup upgrade отменяет обновление системных пакетов и служб, поэтому его нужно запускать от root.',
  },
  resumeNeedsRoot: {
    en: 'matrix-setup upgrade finishes an upgrade of system packages and services, so it must run as root.',
    ru: 'matrix-setup upgrade завершает обновление системных пакетов и служб, поэтому его нужно запускать от root.',
  },
  upgradeRootHint: {
    en: 'Run it again with sudo (or as root). `matrix-setup upgrade --check` works as any user.',
    ru: 'Запустите снова через sudo (или от root). `matrix-setup upgrade --check` работает от любого пользователя.',
  },
  installUnfinished: { en: 'The last install run here ended {status}.', ru: 'Последний запуск установки здесь: {status}.' },
  installUnfinishedHint: { en: 'Finish it first: matrix-setup resume', ru: 'Сначала завершите его: matrix-setup resume' },
  upgradeRunUnfinished: { en: 'The last upgrade here ended {status}.', ru: 'Последнее обновление здесь: {status}.' },
  rollbackRunUnfinished: { en: 'The last rollback here ended {status}.', ru: 'Последний откат здесь: {status}.' },
  finishOrUndoHint: {
    en: 'Finish it with `matrix-setup resume`, or undo it with `matrix-setup upgrade --rollback`.',
    ru: 'Завершите его командой `matrix-setup resume` или отмените командой `matrix-setup upgrade --rollback`.',
  },
  finishHint: { en: 'Finish it with `matrix-setup resume`.', ru: 'Завершите его командой `matrix-setup resume`.' },
  needsYesHint: { en: 'Add --yes once the plan above is what you want.', ru: 'Добавьте --yes, когда убедитесь, что план выше — то, что нужно.' },
  noServer: { en: 'No server installed by matrix-setup here (no {path}).', ru: 'Здесь нет сервера, установленного matrix-setup (нет {path}).' },
  installFirstHint: { en: 'Install first: `matrix-setup --answers FILE`.', ru: 'Сначала выполните установку: `matrix-setup --answers ФАЙЛ`.' },
  tarballWithoutElement: {
    en: '--element-tarball: Element Web is not part of this install (element.enabled is false).',
    ru: '--element-tarball: Element Web не входит в эту установку (element.enabled: false).',
  },
  tarballWithoutElementHint: {
    en: 'Turn it on by running the install with element.enabled: true.',
    ru: 'Включите его, запустив установку с element.enabled: true.',
  },
  refreshingIndex: { en: 'Refreshing the package index (apt-get update)…', ru: 'Обновление индекса пакетов (apt-get update)…' },
  upgradeBlocked: { en: 'The upgrade is blocked (see "In the way" above). Nothing was changed.', ru: 'Обновление заблокировано (см. «Мешает» выше). Ничего не изменено.' },
  confirmUpgrade: { en: 'Upgrade now?', ru: 'Обновить сейчас?' },
  theUpgrade: { en: 'The upgrade:', ru: 'Обновление:' },
  aptChanges: { en: '   (apt: {changes})', ru: '   (apt: {changes})' },
  elementKept: { en: '   ({source}; the previous release is kept)', ru: '   ({source}; прежний выпуск сохраняется)' },
  backupFirst: { en: 'Backup first to {dir}/ (the upgrade stops if it fails)', ru: 'Сначала резервная копия в {dir}/ (если она не удастся, обновление остановится)' },
  noBackupTaken: { en: 'No backup (--no-backup): a rollback cannot bring the database back', ru: 'Без резервной копии (--no-backup): откат не сможет вернуть базу данных' },
  undoAfterwards: { en: 'Undo afterwards with: matrix-setup upgrade --rollback', ru: 'Отменить потом: matrix-setup upgrade --rollback' },
  undoInstead: { en: 'To undo the upgrade instead: matrix-setup upgrade --rollback', ru: 'Чтобы вместо этого отменить обновление: matrix-setup upgrade --rollback' },
  stoppedUpgrade: {
    en: 'Stopped during "{step}". Continue with: matrix-setup resume (or undo it: matrix-setup upgrade --rollback)',
    ru: 'Остановлено на шаге «{step}». Продолжить: matrix-setup resume (или отменить: matrix-setup upgrade --rollback)',
  },
  upgraded: { en: 'Upgraded:', ru: 'Обновлено:' },
  backupTakenBefore: { en: 'Backup taken before: {archive}', ru: 'Резервная копия перед обновлением: {archive}' },
  noBackupWasTaken: { en: 'No backup was taken.', ru: 'Резервная копия не делалась.' },
  answersNowNew: {
    en: 'The saved answers ({path}) now name the new versions; update your own answers file the same way, or a later install run from it goes back.',
    ru: 'В сохранённых ответах ({path}) теперь новые версии; обновите так же и свой файл ответов, иначе последующая установка по нему вернёт старые.',
  },
  undoWith: { en: 'Undo with: matrix-setup upgrade --rollback', ru: 'Отменить: matrix-setup upgrade --rollback' },
  noUpgradeRecord: { en: 'There is no upgrade record in {dir} to resume from.', ru: 'В {dir} нет записи об обновлении, с которой можно продолжить.' },
  notInstalledHere: {
    en: 'No Synapse installed by matrix-setup was found here (no readable {path}, no server_name in {files}).',
    ru: 'Здесь не найден Synapse, установленный matrix-setup (нет читаемого {path}, нет server_name в {files}).',
  },

  // rollback
  nothingToUndo: {
    en: 'There is no upgrade to undo: matrix-setup has not upgraded anything here.',
    ru: 'Нечего отменять: matrix-setup здесь ничего не обновлял.',
  },
  alreadyRolledBack: {
    en: 'The last upgrade ({id}) was already rolled back. Nothing to undo.',
    ru: 'Последнее обновление ({id}) уже отменено. Отменять нечего.',
  },
  alreadyRolledBackAt: {
    en: 'The last upgrade ({id}) was already rolled back at {at}. Nothing to undo.',
    ru: 'Последнее обновление ({id}) уже отменено ({at}). Отменять нечего.',
  },
  schemaUnreadable: {
    en: "The database's schema version could not be read ({reason}), so it is unknown whether the previous Synapse can run on it.",
    ru: 'Не удалось прочитать версию схемы базы данных ({reason}), поэтому неизвестно, сможет ли на ней работать прежний Synapse.',
  },
  noCompatRow: { en: 'no schema_compat_version row', ru: 'нет строки schema_compat_version' },
  schemaUnreadableHint: { en: 'Check that PostgreSQL runs, then try again. Nothing was changed.', ru: 'Проверьте, что PostgreSQL работает, и попробуйте снова. Ничего не изменено.' },
  migratedNoBackup: {
    en: 'The database was migrated past what Synapse {release} accepts (schema_compat_version {compat} > its schema {schema}), and the upgrade took no backup to go back to.',
    ru: 'База данных смигрирована дальше, чем принимает Synapse {release} (schema_compat_version {compat} > его схема {schema}), а обновление не сделало резервной копии, к которой можно вернуться.',
  },
  migratedNoBackupHint: {
    en: 'Nothing was changed: Synapse {release} stays. To go back anyway, restore a backup of your own from before the upgrade.',
    ru: 'Ничего не изменено: Synapse {release} остаётся. Чтобы всё же вернуться, восстановите свою резервную копию, сделанную до обновления.',
  },
  migratedNoBackupUnfinishedHint: {
    en: 'Nothing was changed: Synapse {release} stays (fix what fails, then `matrix-setup resume`). To go back anyway, restore a backup of your own from before the upgrade.',
    ru: 'Ничего не изменено: Synapse {release} остаётся (устраните сбой, затем `matrix-setup resume`). Чтобы всё же вернуться, восстановите свою резервную копию, сделанную до обновления.',
  },
  confirmRestoreDatabase: {
    en: 'Restore the database and lose what happened since the upgrade?',
    ru: 'Восстановить базу данных и потерять всё, что произошло после обновления?',
  },
  confirmRollback: { en: 'Roll back now?', ru: 'Откатить сейчас?' },
  undoing: { en: 'Undoing the upgrade of {created}:', ru: 'Отмена обновления от {created}:' },
  undoneSynapse: { en: 'Synapse {from} → {to}', ru: 'Synapse {from} → {to}' },
  undoneSynapseKept: { en: 'Synapse {from} → {to} (from the kept {file})', ru: 'Synapse {from} → {to} (из сохранённого {file})' },
  keptAptChanges: {
    en: 'packages apt changed along with Synapse stay as they are: {changes}',
    ru: 'пакеты, которые apt изменил вместе с Synapse, остаются как есть: {changes}',
  },
  undoneElement: {
    en: 'Element Web {from} → {to} (the newer release stays on disk, unused)',
    ru: 'Element Web {from} → {to} (более новый выпуск остаётся на диске неиспользуемым)',
  },
  undoneAnswers: { en: 'the saved answers, as they were before the upgrade', ru: 'сохранённые ответы — такими, какими они были до обновления' },
  undoneDatabase: {
    en: 'the database, restored from {archive}: it was migrated past what Synapse {release} accepts',
    ru: 'база данных, восстановленная из {archive}: она была смигрирована дальше, чем принимает Synapse {release}',
  },
  dataLossWarning: {
    en: "WARNING: everything the server received or did since the backup is lost: messages, new users, uploads' records, room changes. Other servers keep what they received from it; clients may need to sign in again.",
    ru: 'ВНИМАНИЕ: всё, что сервер получил или сделал после резервной копии, будет потеряно: сообщения, новые пользователи, записи о загрузках, изменения комнат. Другие серверы сохранят то, что от него получили; клиентам, возможно, придётся войти заново.',
  },
  databaseStays: {
    en: 'the database stays as it is, with everything since the upgrade: Synapse {release} accepts its schema (schema_compat_version {compat} ≤ {schema})',
    ru: 'база данных остаётся как есть, со всем, что было после обновления: Synapse {release} принимает её схему (schema_compat_version {compat} ≤ {schema})',
  },
  backupStays: { en: 'the pre-upgrade backup stays in {archive}', ru: 'резервная копия перед обновлением остаётся в {archive}' },
  undone: { en: 'undone: {what}', ru: 'отменяется: {what}' },
  notUndone: { en: 'not undone: {what}', ru: 'не отменяется: {what}' },
  rolledBackHeading: { en: 'Rolled back:', ru: 'Откачено:' },
  databaseRestoredFrom: { en: 'Database restored from {archive}', ru: 'База данных восстановлена из {archive}' },
  stoppedRollback: { en: 'Stopped during "{step}". Continue with: matrix-setup resume', ru: 'Остановлено на шаге «{step}». Продолжить: matrix-setup resume' },

  // upgrade --check
  methodVenv: { en: 'virtualenv, pip', ru: 'виртуальное окружение, pip' },
  methodApt: { en: "matrix.org's package {package}", ru: 'пакет matrix.org {package}' },
  methodDistro: { en: "Debian's package {package}", ru: 'пакет Debian {package}' },
  installedLine: { en: '  installed:  {version}', ru: '  установлено: {version}' },
  availableLine: { en: '  available:  {version}   from {source}', ru: '  доступно:    {version}   из {source}' },
  notFound: { en: 'not found', ru: 'не найдено' },
  unknown: { en: 'unknown', ru: 'неизвестно' },
  runningVersion: { en: ', running {version}', ru: ', работает {version}' },
  notAnswering: { en: ', not answering', ru: ', не отвечает' },
  aptWouldChange: { en: '  apt would change: {changes}', ru: '  apt изменил бы: {changes}' },
  postgresLine: {
    en: "PostgreSQL {major}; Synapse's database schema {schema} (a rollback can go back to code of schema {compat} or newer)",
    ru: 'PostgreSQL {major}; схема базы данных Synapse {schema} (откат может вернуться к коду со схемой {compat} или новее)',
  },
  postgresNotChecked: { en: 'PostgreSQL: not checked ({reason})', ru: 'PostgreSQL: не проверялся ({reason})' },
  inTheWay: { en: 'In the way:', ru: 'Мешает:' },
  warnings: { en: 'Warnings:', ru: 'Предупреждения:' },
  synapseTo: { en: 'Synapse to {version}', ru: 'Synapse до {version}' },
  elementTo: { en: 'Element Web to {version}', ru: 'Element Web до {version}' },
  nothingToUpgrade: {
    en: 'Nothing to upgrade: everything is at the newest version available.',
    ru: 'Обновлять нечего: всё уже в самой новой доступной версии.',
  },
  upgradeBlockedAvailable: { en: 'An upgrade of {what} is available, but blocked (see above).', ru: 'Доступно обновление: {what}, но оно заблокировано (см. выше).' },
  upgradeAvailable: {
    en: '`matrix-setup upgrade` would upgrade {what} (it shows the plan and asks first).',
    ru: '`matrix-setup upgrade` обновит {what} (сначала покажет план и спросит).',
  },
  notRootCheck: {
    en: "Checked as a user who cannot read matrix-setup's saved answers: Element Web's configured release and the database were not looked at (run as root for those).",
    ru: 'Проверка от пользователя, которому недоступны сохранённые ответы matrix-setup: настроенный выпуск Element Web и база данных не проверялись (для этого запустите от root).',
  },
});
