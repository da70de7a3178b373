/** The steps of `matrix-setup upgrade` and `upgrade --rollback`. */
import { defineMessages } from '../define.js';

export const upgradeStepText = defineMessages('steps-upgrade', {
  checkTitle: { en: 'Check the server before the upgrade', ru: 'Проверка сервера перед обновлением' },
  expectSynapse: { en: 'Synapse is {from} (or {to}, when resuming)', ru: 'Synapse версии {from} (или {to} при продолжении)' },
  expectElement: { en: 'Element Web is {from} (or {to})', ru: 'Element Web версии {from} (или {to})' },
  notInstalled: { en: 'not installed', ru: 'не установлен' },
  nothingChangedTask: { en: 'Check that nothing changed since the plan: {expected}', ru: 'Проверить, что с момента планирования ничего не изменилось: {expected}' },
  synapseChanged: {
    en: 'Synapse is {now} now; the upgrade was planned from {from} to {to}.',
    ru: 'Сейчас Synapse версии {now}, а обновление планировалось с {from} на {to}.',
  },
  synapseChangedHint: {
    en: 'Something else changed it since. Run `matrix-setup upgrade --check` and plan the upgrade again.',
    ru: 'С тех пор его изменило что-то другое. Выполните `matrix-setup upgrade --check` и спланируйте обновление заново.',
  },
  notLinked: { en: 'not linked', ru: 'не подключён' },
  elementChanged: {
    en: 'Element Web is {now} now; the upgrade was planned from {from} to {to}.',
    ru: 'Сейчас Element Web: {now}, а обновление планировалось с {from} на {to}.',
  },
  planAgainHint: { en: 'Run `matrix-setup upgrade --check` and plan the upgrade again.', ru: 'Выполните `matrix-setup upgrade --check` и спланируйте обновление заново.' },
  baselineTask: {
    en: 'Note which checks of `matrix-setup verify` pass now (afterwards, only a check that passed before is blamed on the upgrade)',
    ru: 'Запомнить, какие проверки `matrix-setup verify` проходят сейчас (после обновления виноватым в сбое считается только то, что раньше проходило)',
  },
  failingBefore: { en: 'Failing before the upgrade already: {checks}.', ru: 'Уже не проходили до обновления: {checks}.' },

  rollbackCheckTitle: { en: 'Check what the rollback needs', ru: 'Проверка того, что нужно для отката' },
  theBackup: { en: 'the backup {archive}', ru: 'резервная копия {archive}' },
  none: { en: '(none)', ru: '(нет)' },
  rollbackNeedsTask: { en: 'Check that the rollback has what it needs', ru: 'Проверить, что для отката всё есть' },
  rollbackNeedsListTask: { en: 'Check that the rollback has what it needs: {needs}', ru: 'Проверить, что для отката всё есть: {needs}' },
  preUpgradeBackup: { en: 'the pre-upgrade backup {archive}', ru: 'резервная копия перед обновлением {archive}' },
  noneTaken: { en: '(none was taken)', ru: '(не делалась)' },
  rollbackMissing: { en: 'The rollback cannot go ahead: missing {missing}.', ru: 'Откат невозможен: нет {missing}.' },
  rollbackMissingHint: { en: 'Nothing was changed by the rollback.', ru: 'Откат ничего не изменил.' },
  noKeptPackage: { en: 'No kept package: {name} {version} comes from the package sources.', ru: 'Сохранённого пакета нет: {name} {version} берётся из источников пакетов.' },

  stopTitle: { en: 'Stop Synapse', ru: 'Остановка Synapse' },
  databaseNotRestored: { en: 'the database is not restored', ru: 'база данных не восстанавливается' },
  stopTask: { en: 'Stop {unit} so that nothing writes to the database while it is replaced', ru: 'Остановить {unit}, чтобы никто не писал в базу данных, пока её заменяют' },

  elementTitle: { en: 'Upgrade Element Web', ru: 'Обновление Element Web' },
  elementNotPart: { en: 'Element Web is not part of this upgrade', ru: 'Element Web не входит в это обновление' },
  elementBackTitle: { en: 'Switch Element Web back', ru: 'Возврат Element Web' },
  noElementBefore: { en: 'there was no Element Web release before the upgrade', ru: 'до обновления выпуска Element Web не было' },
  elementWasNotPart: { en: 'Element Web was not part of the upgrade', ru: 'Element Web не входил в обновление' },
  keptReleaseGone: {
    en: 'The Element Web release kept by the upgrade, {dir}, is gone.',
    ru: 'Выпуск Element Web, сохранённый при обновлении ({dir}), пропал.',
  },
  keptReleaseGoneHint: {
    en: 'Reinstall it by running the install again with the answers of before the upgrade.',
    ru: 'Установите его заново, запустив установку с ответами, которые были до обновления.',
  },

  recordUpgradeTitle: { en: 'Record the upgrade', ru: 'Запись обновления' },
  recordRollbackTitle: { en: 'Record the rollback', ru: 'Запись отката' },
  recordUpgrade: { en: 'Record the upgrade in {file}', ru: 'Записать обновление в {file}' },
  recordUpgradeAnswers: {
    en: 'Record the upgrade in {file} and save the answers with the new versions in {answers}',
    ru: 'Записать обновление в {file} и сохранить ответы с новыми версиями в {answers}',
  },
  recordRollback: { en: 'Record the rollback in {file}', ru: 'Записать откат в {file}' },
  recordRollbackAnswers: {
    en: 'Record the rollback in {file} and save the answers as they were before the upgrade in {answers}',
    ru: 'Записать откат в {file} и сохранить ответы такими, какими они были до обновления, в {answers}',
  },

  aptHint: {
    en: 'Check the output above: a held or broken package (`apt-get -f install`), a full disk, an unreachable mirror, or another package manager holding the lock.',
    ru: 'Посмотрите вывод выше: зафиксированный (hold) или сломанный пакет (`apt-get -f install`), заполненный диск, недоступное зеркало или другой менеджер пакетов, держащий блокировку.',
  },

  backupTitle: { en: 'Back up the server before the upgrade', ru: 'Резервная копия сервера перед обновлением' },
  noBackup: {
    en: '--no-backup: no backup is taken (a rollback cannot bring back the database)',
    ru: '--no-backup: резервная копия не делается (откат не сможет вернуть базу данных)',
  },
  backupTask: {
    en: 'Write a backup of the database, configuration, signing key and secrets (not the media) to {dir}/, as `matrix-setup backup --no-media` does; the upgrade stops if it fails',
    ru: 'Записать резервную копию базы данных, конфигурации, ключа подписи и секретов (без медиафайлов) в {dir}/, как делает `matrix-setup backup --no-media`; если она не удастся, обновление остановится',
  },
  backupWritten: { en: "The server's state before the upgrade is in {archive}.", ru: 'Состояние сервера до обновления сохранено в {archive}.' },
  restoreTitle: { en: 'Restore the database from the pre-upgrade backup', ru: 'Восстановление базы данных из копии перед обновлением' },
  schemaAccepted: {
    en: 'the database schema is still one the previous Synapse accepts',
    ru: 'схема базы данных всё ещё подходит прежнему Synapse',
  },
  restoreTask: {
    en: 'Move the database {name} aside and load the one in {archive} in its place',
    ru: 'Убрать в сторону базу данных {name} и загрузить на её место базу из {archive}',
  },
  noBackupArchive: { en: '(no backup)', ru: '(нет резервной копии)' },
  whenRestore: {
    en: 'its database step: the current database is renamed aside, never dropped',
    ru: 'его шаг базы данных: текущая база переименовывается, а не удаляется',
  },
  cannotRestoreNoBackup: {
    en: 'matrix-setup cannot restore the database: there is no pre-upgrade backup.',
    ru: 'matrix-setup не может восстановить базу данных: резервной копии перед обновлением нет.',
  },
  cannotRestoreNoBackupHint: {
    en: 'The upgrade took no backup (--no-backup): restore the database from your own backup, then run the rollback again.',
    ru: 'Обновление прошло без резервной копии (--no-backup): восстановите базу данных из своей копии и запустите откат снова.',
  },

  restartTitle: { en: 'Restart Synapse on the new version', ru: 'Перезапуск Synapse на новой версии' },
  restartPreviousTitle: { en: 'Restart the previous Synapse', ru: 'Перезапуск прежнего Synapse' },
  synapseNotPart: { en: 'Synapse is not part of this upgrade', ru: 'Synapse не входит в это обновление' },
  restartTask: {
    en: 'Restart {unit}, allowing {minutes} minutes for its database migrations, and wait until Synapse {release} answers',
    ru: 'Перезапустить {unit}, дав {minutes} минут на миграции базы данных, и дождаться ответа Synapse {release}',
  },
  whenDropIn: { en: 'after writing {file} (TimeoutStartSec={minutes}min)', ru: 'после записи {file} (TimeoutStartSec={minutes}min)' },
  whenDropInRemoved: { en: 'after removing {file}', ru: 'после удаления {file}' },
  whenHealthy: { en: 'polled until it answers "OK"', ru: 'опрашивается, пока не ответит "OK"' },
  whenReports: { en: 'must report {release}', ru: 'должен сообщить {release}' },
  unknownVersion: { en: '(unknown)', ru: '(неизвестно)' },
  wrongVersion: { en: 'Synapse answers, but as version {running} instead of {release}.', ru: 'Synapse отвечает, но как версия {running}, а не {release}.' },
  wrongVersionHint: {
    en: 'Another Synapse may be running, or the package did not replace the code. See `systemctl status {unit}`.',
    ru: 'Возможно, работает другой Synapse или пакет не заменил код. Смотрите `systemctl status {unit}`.',
  },
  running: { en: 'Synapse {release} is running.', ru: 'Synapse {release} работает.' },
  runningWithUpdates: {
    en: {
      one: 'Synapse {release} is running; it finishes {count} background update of its database while it runs (wait for them before the next upgrade).',
      other: 'Synapse {release} is running; it finishes {count} background updates of its database while it runs (wait for them before the next upgrade).',
    },
    ru: {
      one: 'Synapse {release} работает; по ходу работы он завершает {count} фоновое обновление базы данных (дождитесь окончания перед следующим обновлением).',
      few: 'Synapse {release} работает; по ходу работы он завершает {count} фоновых обновления базы данных (дождитесь окончания перед следующим обновлением).',
      many: 'Synapse {release} работает; по ходу работы он завершает {count} фоновых обновлений базы данных (дождитесь окончания перед следующим обновлением).',
    },
  },
  upgradedDoesNotStart: { en: 'The upgraded Synapse does not start ({unit}).', ru: 'Обновлённый Synapse не запускается ({unit}).' },
  previousDoesNotStart: { en: 'The previous Synapse does not start ({unit}).', ru: 'Прежний Synapse не запускается ({unit}).' },

  keepTitle: { en: 'Keep the installed Synapse package for a rollback', ru: 'Сохранение установленного пакета Synapse для отката' },
  nothingToKeep: { en: 'nothing to keep: Synapse is not upgraded through a package', ru: 'сохранять нечего: Synapse обновляется не через пакет' },
  keepTask: {
    en: "Keep {name} {version}'s .deb in {dir}/ (from /var/cache/apt/archives, else downloaded again)",
    ru: 'Сохранить .deb пакета {name} {version} в {dir}/ (из /var/cache/apt/archives, иначе загрузить заново)',
  },
  whenCached: { en: 'if apt still has it in its cache', ru: 'если он ещё есть в кеше apt' },
  whenOtherwiseIn: { en: 'otherwise, in {dir}', ru: 'иначе, в {dir}' },
  whenMustSay: { en: 'must say {name} {version}', ru: 'должно быть {name} {version}' },
  notKept: {
    en: "{name} {version} is neither in apt's cache nor offered by the package sources: a rollback will have to find it in the sources again.",
    ru: '{name} {version} нет ни в кеше apt, ни в источниках пакетов: откату придётся снова искать его в источниках.',
  },
  kept: { en: 'Kept {file} for a rollback.', ru: '{file} сохранён для отката.' },
  whenOlderKept: {
    en: 'once it is kept: the packages kept for older upgrades, which no rollback reaches any more',
    ru: 'после его сохранения: пакеты, сохранённые для прежних обновлений, — до них откат уже не доходит',
  },
  prunedKept: {
    en: { one: 'Removed {count} package kept for an older upgrade ({size}): a rollback reaches only the newest upgrade.', other: 'Removed {count} packages kept for older upgrades ({size}): a rollback reaches only the newest upgrade.' },
    ru: {
      one: 'Удалён {count} пакет, сохранённый для прежнего обновления ({size}): откат доходит только до последнего обновления.',
      few: 'Удалено {count} пакета, сохранённых для прежних обновлений ({size}): откат доходит только до последнего обновления.',
      many: 'Удалено {count} пакетов, сохранённых для прежних обновлений ({size}): откат доходит только до последнего обновления.',
    },
  },
  synapseTitle: { en: 'Upgrade Synapse', ru: 'Обновление Synapse' },
  synapseBackTitle: { en: 'Put the previous Synapse back', ru: 'Возврат прежнего Synapse' },
  pipUpgrade: {
    en: 'Upgrade matrix-synapse in {venv} from {from} to {to} with pip (the same virtualenv)',
    ru: 'Обновить matrix-synapse в {venv} с {from} до {to} через pip (в том же виртуальном окружении)',
  },
  pipDowngrade: {
    en: 'Downgrade matrix-synapse in {venv} from {from} to {to} with pip (the same virtualenv)',
    ru: 'Откатить matrix-synapse в {venv} с {from} до {to} через pip (в том же виртуальном окружении)',
  },
  pipHint: { en: 'pip needs the package index (PyPI) or its cache; check the output above.', ru: 'pip нужен индекс пакетов (PyPI) или его кеш; посмотрите вывод выше.' },
  aptUpgrade: { en: 'Upgrade {name} from {from} to {to}, and only what it needs', ru: 'Обновить {name} с {from} до {to} и только то, что ему нужно' },
  aptUpgradeChanges: {
    en: 'Upgrade {name} from {from} to {to}, and only what it needs; apt changes: {changes}',
    ru: 'Обновить {name} с {from} до {to} и только то, что ему нужно; изменения apt: {changes}',
  },
  aptDowngrade: { en: 'Downgrade {name} from {from} to {to}, and only what it needs', ru: 'Откатить {name} с {from} до {to} и только то, что ему нужно' },
  notFullyInstalled: { en: 'not fully installed', ru: 'установлен не полностью' },
  aptWrongVersion: { en: 'apt finished, but {name} is {now} instead of {wanted}.', ru: 'apt завершился, но {name}: {now}, а не {wanted}.' },
  aptWrongVersionHint: { en: 'See `apt-cache policy {name}` and `dpkg -s {name}`.', ru: 'Смотрите `apt-cache policy {name}` и `dpkg -s {name}`.' },
  dpkgInterrupted: {
    en: 'dpkg was interrupted by an earlier run: finishing its work with `dpkg --configure -a` first.',
    ru: 'Прежний запуск прервал dpkg: сначала его работа доделывается командой `dpkg --configure -a`.',
  },

  verifyTitle: { en: 'Check the server as clients and other servers see it', ru: 'Проверка сервера глазами клиентов и других серверов' },
  stillFailing: { en: 'Still failing as before the upgrade: {checks}.', ru: 'По-прежнему не проходят, как и до обновления: {checks}.' },
  regressions: {
    en: {
      one: '{count} check of `matrix-setup verify` passed before and fail now: {checks}.',
      other: '{count} checks of `matrix-setup verify` passed before and fail now: {checks}.',
    },
    ru: {
      one: '{count} проверка `matrix-setup verify` раньше проходила, а теперь нет: {checks}.',
      few: '{count} проверки `matrix-setup verify` раньше проходили, а теперь нет: {checks}.',
      many: '{count} проверок `matrix-setup verify` раньше проходили, а теперь нет: {checks}.',
    },
  },
  regressionsHint: { en: 'Run `matrix-setup verify` for the details.', ru: 'Подробности покажет `matrix-setup verify`.' },
  regressionsUpgradeHint: {
    en: 'Run `matrix-setup verify` for the details. To undo the upgrade: matrix-setup upgrade --rollback',
    ru: 'Подробности покажет `matrix-setup verify`. Отменить обновление: matrix-setup upgrade --rollback',
  },
  verifyPasses: {
    en: { one: 'matrix-setup verify: {count} check passes.', other: 'matrix-setup verify: {count} checks pass.' },
    ru: { one: 'matrix-setup verify: пройдена {count} проверка.', few: 'matrix-setup verify: пройдено {count} проверки.', many: 'matrix-setup verify: пройдено {count} проверок.' },
  },
  verifyPassesSomeFail: {
    en: { one: 'matrix-setup verify: {count} check passes, {failing} fail as before.', other: 'matrix-setup verify: {count} checks pass, {failing} fail as before.' },
    ru: {
      one: 'matrix-setup verify: пройдена {count} проверка, не пройдено, как и раньше: {failing}.',
      few: 'matrix-setup verify: пройдено {count} проверки, не пройдено, как и раньше: {failing}.',
      many: 'matrix-setup verify: пройдено {count} проверок, не пройдено, как и раньше: {failing}.',
    },
  },
});
