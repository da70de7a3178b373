/** The package manager: waiting while another program holds it, repairing what an interrupted one left, one transaction for a run's packages. */
import { defineMessages } from '../define.js';

export const packageText = defineMessages('packages', {
  // Waiting for another program
  waiting: {
    en: 'Waiting for the package manager: {holders} holds {locks} · waited {waited} of {limit}',
    ru: 'Ожидание менеджера пакетов: {holders} удерживает {locks} · прошло {waited} из {limit}',
  },
  freeAgain: {
    en: 'The package manager is free again (waited {waited}); continuing.',
    ru: 'Менеджер пакетов освободился (ожидание {waited}); продолжаем.',
  },
  stillBusy: {
    en: 'The package manager is still busy after {waited}: {holders} holds {locks}.',
    ru: 'Менеджер пакетов всё ещё занят (ожидание {waited}): {holders} удерживает {locks}.',
  },
  stillBusyHint: {
    en:
      'Let it finish (`ps -o pid,etime,args -p {pid}` shows what it is doing), then continue; to wait longer, add --package-lock-wait MINUTES. Never delete the lock files: if that process is stuck, stop it, and matrix-setup finishes what it left half done (dpkg --configure -a) before installing anything.',
    ru:
      'Дождитесь его завершения (`ps -o pid,etime,args -p {pid}` покажет, чем он занят), затем продолжите; чтобы ждать дольше, добавьте --package-lock-wait МИНУТЫ. Никогда не удаляйте файлы блокировок: если процесс завис, остановите его, и matrix-setup доделает то, что он оставил незавершённым (dpkg --configure -a), прежде чем что-либо устанавливать.',
  },

  // Repairing an interrupted dpkg / apt
  dpkgInterrupted: {
    en: 'dpkg was interrupted before it finished ({reason}): completing its work with dpkg --configure -a, keeping existing configuration files.',
    ru: 'dpkg был прерван, не завершив работу ({reason}): она завершается командой dpkg --configure -a, имеющиеся файлы конфигурации сохраняются.',
  },
  journalPending: {
    en: { one: 'its journal {dir} holds {count} unfinished update', other: 'its journal {dir} holds {count} unfinished updates' },
    ru: {
      one: 'в его журнале {dir} {count} незавершённое обновление',
      few: 'в его журнале {dir} {count} незавершённых обновления',
      many: 'в его журнале {dir} {count} незавершённых обновлений',
    },
  },
  auditReports: { en: 'dpkg --audit reports: {line}', ru: 'dpkg --audit сообщает: {line}' },
  aptBroken: { en: 'apt reports broken packages: repairing them with apt-get -f install.', ru: 'apt сообщает о сломанных пакетах: они исправляются командой apt-get -f install.' },
  aptBrokenBecause: {
    en: 'apt reports broken packages ({why}): repairing them with apt-get -f install.',
    ru: 'apt сообщает о сломанных пакетах ({why}): они исправляются командой apt-get -f install.',
  },
  aptStillBroken: {
    en: 'apt still reports broken packages after `apt-get -f install`.',
    ru: 'apt по-прежнему сообщает о сломанных пакетах после `apt-get -f install`.',
  },
  reinstallingHalfInstalled: {
    en: {
      one: 'dpkg was killed while unpacking {packages}, which only a reinstall can finish: reinstalling it with apt-get install --reinstall, keeping existing configuration files.',
      other: 'dpkg was killed while unpacking {packages}, which only a reinstall can finish: reinstalling them with apt-get install --reinstall, keeping existing configuration files.',
    },
    ru: {
      one: 'dpkg был прерван во время распаковки {packages}; исправить это может только переустановка: пакет переустанавливается командой apt-get install --reinstall, имеющиеся файлы конфигурации сохраняются.',
      few: 'dpkg был прерван во время распаковки {packages}; исправить это может только переустановка: пакеты переустанавливаются командой apt-get install --reinstall, имеющиеся файлы конфигурации сохраняются.',
      many: 'dpkg был прерван во время распаковки {packages}; исправить это может только переустановка: пакеты переустанавливаются командой apt-get install --reinstall, имеющиеся файлы конфигурации сохраняются.',
    },
  },
  aptManualRepair: {
    en:
      'Repair the package database by hand: `dpkg --configure -a`; a package it calls "in a very bad inconsistent state" needs `apt-get install --reinstall PACKAGE`; then `apt-get -f install`. Fix what they report (a full disk, a package whose maintainer script fails), then continue. Nothing else was changed.',
    ru:
      'Исправьте базу пакетов вручную: `dpkg --configure -a`; пакет, о котором он сообщает «in a very bad inconsistent state», нужно переустановить: `apt-get install --reinstall ПАКЕТ`; затем `apt-get -f install`. Устраните то, о чём они сообщат (заполненный диск, пакет, у которого не выполняется сценарий сопровождающего), затем продолжите. Больше ничего не изменено.',
  },

  // Repairing an interrupted rpm / dnf
  rpmdbLocked: {
    en: 'The rpm database was left locked by an interrupted transaction: rebuilding it (rpm --rebuilddb).',
    ru: 'Прерванная транзакция оставила базу rpm заблокированной: она перестраивается (rpm --rebuilddb).',
  },
  dnfDuplicates: {
    en: {
      one: 'An interrupted dnf transaction left {count} package installed twice ({first}): removing the older copies with dnf remove --duplicates.',
      other: 'An interrupted dnf transaction left {count} packages installed twice ({first}): removing the older copies with dnf remove --duplicates.',
    },
    ru: {
      one: 'Прерванная транзакция dnf оставила {count} пакет установленным дважды ({first}): старые копии удаляются командой dnf remove --duplicates.',
      few: 'Прерванная транзакция dnf оставила {count} пакета установленными дважды ({first}): старые копии удаляются командой dnf remove --duplicates.',
      many: 'Прерванная транзакция dnf оставила {count} пакетов установленными дважды ({first}): старые копии удаляются командой dnf remove --duplicates.',
    },
  },
  dnfManualRepair: {
    en: 'Repair it by hand: `rpm --rebuilddb`, `dnf check`, `dnf remove --duplicates`; fix what they report, then continue.',
    ru: 'Исправьте вручную: `rpm --rebuilddb`, `dnf check`, `dnf remove --duplicates`; устраните то, о чём они сообщат, затем продолжите.',
  },
  repairFailed: {
    en: 'Repairing the interrupted package manager failed: `{command}` exited with {code}.',
    ru: 'Не удалось исправить прерванный менеджер пакетов: `{command}` завершилась с кодом {code}.',
  },

  // One transaction for the run's packages
  transactionTitle: { en: 'Install the packages (one transaction)', ru: 'Установка пакетов (одной транзакцией)' },
  transactionAddedTitle: {
    en: 'Install the packages from added repositories (one transaction)',
    ru: 'Установка пакетов из добавленных репозиториев (одной транзакцией)',
  },
  noConfiguredPackages: {
    en: 'no step needs a package from the configured repositories',
    ru: 'ни одному шагу не нужен пакет из уже настроенных репозиториев',
  },
  noAddedPackages: { en: 'no package comes from a repository this run adds', ru: 'ни один пакет не берётся из репозитория, который добавляет этот запуск' },
  moduleStream: { en: 'the {stream} module stream', ru: 'поток модуля {stream}' },

  // The preflight check
  checkLabel: { en: 'Package manager', ru: 'Менеджер пакетов' },
  checkBusy: {
    en: '{holders} is using the package manager; matrix-setup will wait for it to finish',
    ru: '{holders} использует менеджер пакетов; matrix-setup дождётся его завершения',
  },
  checkInterrupted: {
    en: 'dpkg was interrupted ({reason}); matrix-setup will finish its work first (dpkg --configure -a)',
    ru: 'dpkg был прерван ({reason}); matrix-setup сначала завершит его работу (dpkg --configure -a)',
  },
  checkBusyFix: {
    en: 'Nothing to do: it usually takes a few minutes after a server first boots. The install waits up to 15 minutes (--package-lock-wait MINUTES to change that).',
    ru: 'Ничего делать не нужно: после первой загрузки сервера это обычно занимает несколько минут. Установка ждёт до 15 минут (изменить: --package-lock-wait МИНУТЫ).',
  },
  checkRepairFix: { en: 'Nothing to do: the install repairs it before installing anything.', ru: 'Ничего делать не нужно: установка исправит это, прежде чем что-либо ставить.' },
  checkFree: { en: 'no other program is using it', ru: 'никакая другая программа его не использует' },

  // --package-lock-wait
  lockWaitInvalid: {
    en: '--package-lock-wait {value}: give the minutes to wait as a number from 0 to 1440, e.g. --package-lock-wait 30.',
    ru: '--package-lock-wait {value}: укажите, сколько минут ждать, числом от 0 до 1440, например --package-lock-wait 30.',
  },
});
