/** Which systems matrix-setup installs on, and why it refuses the others. */
import { defineMessages } from '../define.js';

export const targetText = defineMessages('targets', {
  supported: {
    en: 'Debian 12, 13 and testing/unstable; Ubuntu {ubuntu} LTS; CentOS Stream 9 and 10; RHEL, Rocky Linux, AlmaLinux and Oracle Linux 8, 9 and 10',
    ru: 'Debian 12, 13 и testing/unstable; Ubuntu {ubuntu} LTS; CentOS Stream 9 и 10; RHEL, Rocky Linux, AlmaLinux и Oracle Linux 8, 9 и 10',
  },
  useSupported: { en: 'Use one of the supported systems: {systems}.', ru: 'Используйте одну из поддерживаемых систем: {systems}.' },
  useOneOf: { en: 'Use one of: {systems}.', ru: 'Используйте одну из систем: {systems}.' },
  ubuntuVersionUnreadable: { en: 'Its Ubuntu version could not be read from /etc/os-release.', ru: 'Версию Ubuntu не удалось прочитать из /etc/os-release.' },
  debianVersionUnreadable: { en: 'Its Debian version could not be read from /etc/os-release.', ru: 'Версию Debian не удалось прочитать из /etc/os-release.' },
  fedora: {
    en: 'Fedora is not supported: its releases change faster than the package versions matrix-setup relies on.',
    ru: 'Fedora не поддерживается: её выпуски меняются быстрее, чем версии пакетов, на которые рассчитывает matrix-setup.',
  },
  fedoraSuggestion: { en: 'Use a RHEL-family release instead ({systems}).', ru: 'Используйте вместо неё выпуск семейства RHEL ({systems}).' },
  amazon: {
    en: 'Amazon Linux is not supported: its packages do not follow a RHEL release.',
    ru: 'Amazon Linux не поддерживается: его пакеты не следуют ни одному выпуску RHEL.',
  },
  unknownTarget: { en: '"{id}" is not a target matrix-setup knows.', ru: '"{id}" — неизвестная для matrix-setup целевая система.' },
  unknownTargetSuggestion: {
    en: 'Use one of: {ids} (or ubuntu-<version> for a newer Ubuntu release; append /arm64 for another architecture).',
    ru: 'Используйте одну из: {ids} (или ubuntu-<версия> для более нового выпуска Ubuntu; для другой архитектуры добавьте /arm64).',
  },
  debian11: {
    en: 'Debian 11 (bullseye) has reached its end of life (LTS ended 2026-08-31), and its Python 3.9 and PostgreSQL 13 are older than current Synapse needs (3.10 and 14).',
    ru: 'Срок поддержки Debian 11 (bullseye) истёк (LTS закончилась 2026-08-31), а его Python 3.9 и PostgreSQL 13 старее, чем нужно современному Synapse (3.10 и 14).',
  },
  debianOld: {
    en: '{name} reached its end of life years ago; its Python and PostgreSQL are far older than Synapse needs.',
    ru: 'Срок поддержки {name} истёк много лет назад; его Python и PostgreSQL намного старее, чем нужно Synapse.',
  },
  debianUpgrade: {
    en: 'Upgrade to Debian 12 (bookworm) or 13 (trixie), or start from a fresh Debian 13 server.',
    ru: 'Обновитесь до Debian 12 (bookworm) или 13 (trixie) либо начните с нового сервера на Debian 13.',
  },
  debianUnstable: {
    en: 'Debian testing/unstable changes every day: an upgrade can break Synapse between runs.',
    ru: 'Debian testing/unstable меняется каждый день: обновление может сломать Synapse между запусками.',
  },
  noMatrixOrgSuite: {
    en: `packages.matrix.org has no "{codename}" suite; use Debian's own matrix-synapse package (the default) or a venv.`,
    ru: 'На packages.matrix.org нет набора "{codename}"; используйте пакет matrix-synapse самого Debian (по умолчанию) или venv.',
  },
  notUbuntu: { en: '"{version}" is not an Ubuntu version.', ru: '"{version}" — не версия Ubuntu.' },
  ubuntu2004: {
    en: 'Ubuntu 20.04 (focal) is out of standard support since May 2025, and its Python 3.8 and PostgreSQL 12 are older than current Synapse needs (3.10 and 14).',
    ru: 'Стандартная поддержка Ubuntu 20.04 (focal) закончилась в мае 2025 года, а её Python 3.8 и PostgreSQL 12 старее, чем нужно современному Synapse (3.10 и 14).',
  },
  ubuntuOld: {
    en: '{name} is out of support, and its Python and PostgreSQL are older than Synapse needs.',
    ru: 'Поддержка {name} закончилась, а её Python и PostgreSQL старее, чем нужно Synapse.',
  },
  ubuntuUpgrade: {
    en: 'Upgrade to Ubuntu 24.04 LTS (do-release-upgrade), or start from a fresh Ubuntu 24.04 server.',
    ru: 'Обновитесь до Ubuntu 24.04 LTS (do-release-upgrade) или начните с нового сервера на Ubuntu 24.04.',
  },
  ubuntuInterim: { en: '{name} is an interim release whose support has ended.', ru: '{name} — промежуточный выпуск, поддержка которого закончилась.' },
  ubuntuInterimUpgrade: { en: 'Upgrade to Ubuntu {lts} LTS, or use Ubuntu 24.04 LTS.', ru: 'Обновитесь до Ubuntu {lts} LTS или используйте Ubuntu 24.04 LTS.' },
  ubuntu2204: {
    en: 'Synapse is dropping Ubuntu 22.04 (Python 3.10) from November 2026: packages.matrix.org will stop publishing jammy packages and newer Synapse releases will not install here. Plan an upgrade to Ubuntu 24.04.',
    ru: 'С ноября 2026 года Synapse прекращает поддержку Ubuntu 22.04 (Python 3.10): packages.matrix.org перестанет выпускать пакеты для jammy, а новые выпуски Synapse здесь не установятся. Запланируйте обновление до Ubuntu 24.04.',
  },
  endOfLife: { en: '{name} reached its end of life on {date}.', ru: 'Срок поддержки {name} истёк {date}.' },
  endOfLifeLongAgo: { en: '{name} reached its end of life years ago.', ru: 'Срок поддержки {name} истёк много лет назад.' },
  unknownRelease: { en: '{name} is not a release matrix-setup knows.', ru: '{name} — неизвестный для matrix-setup выпуск.' },
  unknownReleaseYet: { en: '{name} is not a release matrix-setup knows yet.', ru: '{name} — выпуск, который matrix-setup пока не знает.' },
  rhelSuggestion: {
    en: 'Use Rocky Linux, AlmaLinux or RHEL 9 or 10, or CentOS Stream 9 or 10.',
    ru: 'Используйте Rocky Linux, AlmaLinux или RHEL 9 или 10 либо CentOS Stream 9 или 10.',
  },
  rhelTooOld: {
    en: '{name} is too old: its Python and PostgreSQL are below what Synapse needs (3.10 and 14), and its maintenance has ended.',
    ru: '{name} слишком старый: его Python и PostgreSQL ниже того, что нужно Synapse (3.10 и 14), и его сопровождение закончилось.',
  },
  useRhel: { en: 'Use {distro} 9 or 10.', ru: 'Используйте {distro} 9 или 10.' },
  noWheels: {
    en: 'Synapse publishes ready-built packages (wheels) for x86_64 and aarch64 only; on {arch} pip would have to compile its Rust parts from source (Rust 1.82 or later, a long and memory-hungry build), which matrix-setup does not set up.',
    ru: 'Synapse выпускает готовые пакеты (wheels) только для x86_64 и aarch64; на {arch} pip пришлось бы собирать его части на Rust из исходников (Rust 1.82 или новее, долгая сборка, требующая много памяти), а matrix-setup такого не настраивает.',
  },
  useWheelArch: { en: 'Use an x86_64 or aarch64 server for {name}.', ru: 'Используйте для {name} сервер x86_64 или aarch64.' },
  minorTooOld: {
    en: '{name} is too old a minor release: python3.12 and the postgresql:16 module stream, which Synapse and its database are installed from, arrived in EL {release}.',
    ru: '{name} — слишком старый минорный выпуск: python3.12 и поток модулей postgresql:16, из которых ставятся Synapse и его база данных, появились в EL {release}.',
  },
  minorUpdate: {
    en: 'Update to the latest {major}.x release (`dnf upgrade --refresh`, then reboot), and run matrix-setup again.',
    ru: 'Обновитесь до последнего выпуска {major}.x (`dnf upgrade --refresh`, затем перезагрузка) и запустите matrix-setup снова.',
  },
  minorUpdateEus: {
    en: 'Update to the latest {major}.x release (`dnf upgrade --refresh`, then reboot); a system pinned to an EUS release needs `subscription-manager release --unset` first, and run matrix-setup again.',
    ru: 'Обновитесь до последнего выпуска {major}.x (`dnf upgrade --refresh`, затем перезагрузка; системе, закреплённой на выпуске EUS, сначала нужно `subscription-manager release --unset`) и запустите matrix-setup снова.',
  },
  derivativeUbuntuUnknown: {
    en: '{name} is based on Ubuntu "{codename}", which is not a release matrix-setup supports.',
    ru: '{name} основан на Ubuntu "{codename}", а этот выпуск matrix-setup не поддерживает.',
  },
  derivativeDebianUnknown: {
    en: "{name} is based on Debian, but its packages come from \"{suite}\", not from a Debian release matrix-setup supports, so Debian's packages cannot be relied on.",
    ru: '{name} основан на Debian, но его пакеты берутся из "{suite}", а не из выпуска Debian, который поддерживает matrix-setup, так что на пакеты Debian полагаться нельзя.',
  },
  unnamedSuite: { en: 'an unnamed suite', ru: 'безымянного набора' },
  derivativeElOld: {
    en: '{name} is based on an Enterprise Linux release older than 8, which Synapse no longer runs on.',
    ru: '{name} основан на выпуске Enterprise Linux старше 8, на котором Synapse больше не работает.',
  },
  derivativeElUnknown: {
    en: '{name} does not match a RHEL release (8, 9 or 10) matrix-setup supports.',
    ru: '{name} не соответствует ни одному выпуску RHEL (8, 9 или 10), который поддерживает matrix-setup.',
  },
  notSupported: { en: '{name} is not a distribution matrix-setup supports.', ru: '{name} — дистрибутив, который matrix-setup не поддерживает.' },
  basedOn: { en: '{name} is based on {base}: {reason}', ru: '{name} основан на {base}: {reason}' },
  derivativeHandledAs: {
    en: '{name} is handled as {base} (its packages come from {source}); derivatives are not tested.',
    ru: '{name} обрабатывается как {base} (его пакеты берутся из {source}); производные дистрибутивы не тестируются.',
  },
  thirtyTwoBit: {
    en: '{arch} is a 32-bit architecture: Synapse publishes no ready-built packages for it, so its Rust parts are compiled during the install (slow, needs memory). A 64-bit system is strongly recommended.',
    ru: '{arch} — 32-битная архитектура: Synapse не выпускает для неё готовых пакетов, поэтому его части на Rust собираются во время установки (медленно и требует памяти). Настоятельно рекомендуется 64-битная система.',
  },
  untested: { en: '{name} has not been tested with matrix-setup.', ru: '{name} не тестировался с matrix-setup.' },
  untestedNoSuite: {
    en: '{name} has not been tested with matrix-setup, and packages.matrix.org may not have a "{codename}" suite yet (the venv install does not need it).',
    ru: '{name} не тестировался с matrix-setup, и на packages.matrix.org может ещё не быть набора "{codename}" (для установки в venv он не нужен).',
  },
});
