/** `matrix-setup upgrade --check`: where the new versions come from, and what stands in the way. */
import { defineMessages } from '../define.js';

export const checkText = defineMessages('upgrade-check', {
  sourceAptPolicy: { en: 'apt-cache policy {package}', ru: 'apt-cache policy {package}' },
  sourcePip: { en: 'the package index (PyPI) through pip', ru: 'индекса пакетов (PyPI) через pip' },
  sourceTo: { en: '--to {version} (pip checks it exists when it installs)', ru: '--to {version} (pip проверит, что такая есть, при установке)' },
  sourcePinned: { en: 'synapse.version pinned to {version} in the answers', ru: 'synapse.version, закреплённой в ответах на {version}' },
  noSuchVersion: {
    en: '--to {version}: apt knows no such version of {package} (it knows {known}).',
    ru: '--to {version}: apt не знает такой версии {package} (знает: {known}).',
  },
  none: { en: 'none', ru: 'никакой' },
  aptCannotInstall: { en: 'apt cannot install {package} {version}: {reason}', ru: 'apt не может установить {package} {version}: {reason}' },
  indexUnreachable: {
    en: 'The package index could not be asked for the newest matrix-synapse ({reason}).',
    ru: 'Не удалось узнать в индексе пакетов самую новую версию matrix-synapse ({reason}).',
  },
  pipExit: { en: 'pip exit {code}', ru: 'pip завершился с кодом {code}' },
  passwordRootOnly: { en: 'the database password is readable by root only', ru: 'пароль базы данных доступен только root' },
  elementOff: { en: 'element.enabled is false', ru: 'в ответах element.enabled: false' },
  elementRelease: {
    en: 'the release this matrix-setup installs ({version}, signature checked)',
    ru: 'выпуска, который ставит этот matrix-setup ({version}, подпись проверяется)',
  },
  elementPinned: { en: 'element.version pinned to {version} in the answers', ru: 'element.version, закреплённой в ответах на {version}' },
  elementTarball: { en: 'the tarball {location}', ru: 'архива {location}' },

  notInstalled: { en: 'Synapse is not installed the way the answers say ({method}).', ru: 'Synapse установлен не так, как сказано в ответах ({method}).' },
  methodVenv: { en: 'a virtualenv in /opt/venvs/matrix-synapse', ru: 'виртуальное окружение в /opt/venvs/matrix-synapse' },
  methodPackage: { en: 'the package {package}', ru: 'пакет {package}' },
  downgrade: {
    en: '{candidate} is older than the installed {installed}: an upgrade never downgrades (`matrix-setup upgrade --rollback` undoes the last upgrade).',
    ru: '{candidate} старше установленной {installed}: обновление никогда не понижает версию (`matrix-setup upgrade --rollback` отменяет последнее обновление).',
  },
  held: {
    en: '{package} is on hold (apt-mark hold): someone chose to keep this version. Run `apt-mark unhold {package}` first if the upgrade is wanted.',
    ru: '{package} зафиксирован (apt-mark hold): кто-то решил оставить эту версию. Если обновление нужно, сначала выполните `apt-mark unhold {package}`.',
  },
  pinned: {
    en: 'synapse.version is pinned to {version} in the answers, so that is the version kept; `matrix-setup upgrade --to VERSION` moves the pin.',
    ru: 'synapse.version закреплена в ответах на {version}, поэтому эта версия и остаётся; `matrix-setup upgrade --to ВЕРСИЯ` переносит закрепление.',
  },
  needsPython: {
    en: 'Synapse {release} needs Python {python} or newer; the virtualenv runs Python {current}. Recreate it on a newer Python first.',
    ru: 'Synapse {release} нужен Python {python} или новее, а в виртуальном окружении Python {current}. Сначала пересоздайте его на более новом Python.',
  },
  needsPostgres: {
    en: 'Synapse {release} needs PostgreSQL {postgres} or newer; the database runs PostgreSQL {current}. Upgrade PostgreSQL first (dump, new cluster, restore).',
    ru: 'Synapse {release} нужен PostgreSQL {postgres} или новее, а база данных работает на PostgreSQL {current}. Сначала обновите PostgreSQL (выгрузка, новый кластер, восстановление).',
  },
  postgresUnchecked: { en: "PostgreSQL's version was not checked: {reason}.", ru: 'Версия PostgreSQL не проверялась: {reason}.' },
  backgroundUpdates: {
    en: {
      one: 'Synapse is still running {count} background update of its database; Synapse advises waiting until they are done before the next upgrade (GET /_synapse/admin/v1/background_updates/status).',
      other: 'Synapse is still running {count} background updates of its database; Synapse advises waiting until they are done before the next upgrade (GET /_synapse/admin/v1/background_updates/status).',
    },
    ru: {
      one: 'Synapse ещё выполняет {count} фоновое обновление базы данных; разработчики Synapse советуют дождаться их окончания перед следующим обновлением (GET /_synapse/admin/v1/background_updates/status).',
      few: 'Synapse ещё выполняет {count} фоновых обновления базы данных; разработчики Synapse советуют дождаться их окончания перед следующим обновлением (GET /_synapse/admin/v1/background_updates/status).',
      many: 'Synapse ещё выполняет {count} фоновых обновлений базы данных; разработчики Synapse советуют дождаться их окончания перед следующим обновлением (GET /_synapse/admin/v1/background_updates/status).',
    },
  },
  unknownNotes: {
    en: "This matrix-setup knows Synapse's upgrade notes up to {known}; read those of every release up to {release} ({url}).",
    ru: 'Этот matrix-setup знает заметки об обновлении Synapse до {known}; прочитайте заметки всех выпусков до {release} ({url}).',
  },
  removesPackages: {
    en: 'Installing {package} {version} would remove {removed}; matrix-setup does not remove packages. Resolve it with apt yourself.',
    ru: 'Установка {package} {version} удалила бы {removed}; matrix-setup не удаляет пакеты. Разберитесь с этим через apt сами.',
  },
  testingChurnOthers: {
    en: {
      one: 'Debian testing/unstable changes every day: this upgrade also changes {count} other package ({packages}); only Synapse and what it needs are installed, never a whole-system upgrade.',
      other: 'Debian testing/unstable changes every day: this upgrade also changes {count} other packages ({packages}); only Synapse and what it needs are installed, never a whole-system upgrade.',
    },
    ru: {
      one: 'Debian testing/unstable меняется каждый день: это обновление меняет ещё {count} пакет ({packages}); ставятся только Synapse и то, что ему нужно, никогда не обновление всей системы.',
      few: 'Debian testing/unstable меняется каждый день: это обновление меняет ещё {count} пакета ({packages}); ставятся только Synapse и то, что ему нужно, никогда не обновление всей системы.',
      many: 'Debian testing/unstable меняется каждый день: это обновление меняет ещё {count} пакетов ({packages}); ставятся только Synapse и то, что ему нужно, никогда не обновление всей системы.',
    },
  },
  testingChurn: {
    en: 'Debian testing/unstable changes every day: other packages may move under Synapse between runs; only Synapse and what it needs are installed, never a whole-system upgrade.',
    ru: 'Debian testing/unstable меняется каждый день: между запусками под Synapse могут меняться другие пакеты; ставятся только Synapse и то, что ему нужно, никогда не обновление всей системы.',
  },
  rollbackPackage: {
    en: '{package} {version} is no longer offered by the package sources; a rollback needs its .deb in /var/cache/apt/archives (the upgrade keeps a copy if it is there).',
    ru: '{package} {version} больше не предлагается источниками пакетов; для отката нужен его .deb в /var/cache/apt/archives (обновление сохранит копию, если он там есть).',
  },
  elementOlder: {
    en: 'The configured Element Web {candidate} is older than the installed {installed}; an upgrade never goes back (`matrix-setup upgrade --rollback` does).',
    ru: 'Настроенный Element Web {candidate} старше установленного {installed}; обновление никогда не возвращается назад (это делает `matrix-setup upgrade --rollback`).',
  },
});
