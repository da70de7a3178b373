/** Synapse: installing it, its configuration and service, the admin account and the first registration token. */
import { defineMessages } from '../define.js';

export const synapseText = defineMessages('steps-synapse', {
  readOnly: { en: 'read-only', ru: 'только чтение' },
  readOnlyAs: { en: 'read-only, as {user} on {name}', ru: 'только чтение, под ролью {user} в {name}' },

  // Install
  installTitle: { en: 'Install Synapse', ru: 'Установка Synapse' },
  installed: { en: 'Synapse {version} is installed ({source}).', ru: 'Synapse {version} установлен ({source}).' },
  sourceApt: { en: 'matrix.org package matrix-synapse-py3', ru: 'пакет matrix.org matrix-synapse-py3' },
  sourceDistro: { en: "Debian's own package matrix-synapse", ru: 'пакет самого Debian matrix-synapse' },
  sourceVenv: { en: 'virtualenv {venv}', ru: 'виртуальное окружение {venv}' },
  notImportable: { en: 'Synapse is not importable by {python} after the install.', ru: 'После установки {python} не может импортировать Synapse.' },
  recreateVenv: { en: 'Recreate the virtualenv: remove {venv} and resume.', ru: 'Создайте виртуальное окружение заново: удалите {venv} и продолжите.' },
  reinstallPackage: { en: 'Reinstall the package: apt-get install --reinstall {package}.', ru: 'Переустановите пакет: apt-get install --reinstall {package}.' },
  createUser: { en: 'Create the system user {user} that runs Synapse', ru: 'Создать системного пользователя {user}, от которого работает Synapse' },
  createVenv: { en: 'Create a Python virtualenv for Synapse in {venv} with {python}', ru: 'Создать виртуальное окружение Python для Synapse в {venv} с {python}' },
  updatePip: {
    en: 'Update pip in the virtualenv (old pips cannot install current wheels)',
    ru: 'Обновить pip в виртуальном окружении (старые версии pip не умеют ставить современные wheels)',
  },
  installFromPypi: { en: 'Install {requirement} from PyPI', ru: 'Установить {requirement} из PyPI' },
  daemonReload: { en: 'Make systemd read the changed {unit} files', ru: 'Заставить systemd перечитать изменённые файлы {unit}' },
  whenUnitChanged: { en: 'when the unit files changed since systemd read them', ru: 'если файлы юнита изменились с тех пор, как systemd их прочитал' },
  noWay: { en: 'no way to install Synapse is known for {system}', ru: 'для {system} неизвестно, как установить Synapse' },
  aptNeedsCodename: {
    en: 'apt needs the release codename of {system}, which is unknown; use venv',
    ru: 'для apt нужно кодовое имя выпуска {system}, а оно неизвестно; используйте venv',
  },
  notAvailable: { en: '{source} is not available on {system} ({arch}): {why}', ru: '{source} недоступен на {system} ({arch}): {why}' },
  useInstead: { en: 'use {sources} (or auto)', ru: 'используйте {sources} (или auto)' },
  aptDebianOnly: {
    en: 'the matrix.org APT repository is for Debian and Ubuntu; {instead}',
    ru: 'APT-репозиторий matrix.org — только для Debian и Ubuntu; {instead}',
  },
  aptAmd64Only: { en: 'packages.matrix.org publishes amd64 packages only; {instead}', ru: 'packages.matrix.org выпускает пакеты только для amd64; {instead}' },
  distroUnstableOnly: {
    en: 'only Debian testing/unstable ships its own matrix-synapse package; {instead}',
    ru: 'собственный пакет matrix-synapse есть только в Debian testing/unstable; {instead}',
  },

  // Existing installs
  otherServer: {
    en: 'it belongs to the Synapse server "{found}", not to "{server}" (a server_name can never change: its signing key, users and rooms are tied to it)',
    ru: 'он принадлежит серверу Synapse "{found}", а не "{server}" (server_name нельзя изменить: к нему привязаны ключ подписи, пользователи и комнаты)',
  },
  debianOwnInstalled: {
    en: "Debian's own matrix-synapse package is installed, and matrix.org's package would replace it",
    ru: 'установлен пакет matrix-synapse самого Debian, и пакет matrix.org заменил бы его',
  },
  venvInTheWay: {
    en: "a Synapse virtualenv installed with pip is in {venv}, where matrix.org's package would install its own",
    ru: 'в {venv} уже есть виртуальное окружение Synapse, установленное через pip, а пакет matrix.org поставил бы туда своё',
  },
  matrixOrgInstalled: {
    en: "matrix.org's matrix-synapse-py3 package is installed, and Debian's package would replace it",
    ru: 'установлен пакет matrix.org matrix-synapse-py3, и пакет Debian заменил бы его',
  },
  packageInTheWay: {
    en: 'the {package} package is installed, and a pip install would fight with it',
    ru: 'установлен пакет {package}, и установка через pip с ним бы конфликтовала',
  },
  existingTask: {
    en: 'Check that this machine holds no Synapse of another server than {server} ({files})',
    ru: 'Проверить, что на этой машине нет Synapse другого сервера, кроме {server} ({files})',
  },
  existingTaskDebian: {
    en: 'Check that this machine holds no Synapse of another server than {server} ({files}) and none installed another way',
    ru: 'Проверить, что на этой машине нет Synapse другого сервера, кроме {server} ({files}), и нет установленного иным способом',
  },
  whenPackages: { en: 'read-only: which Synapse packages are installed', ru: 'только чтение: какие пакеты Synapse установлены' },
  conflict: { en: 'Cannot install Synapse with synapse.install: {source}: {conflict}.', ru: 'Нельзя установить Synapse с synapse.install: {source}: {conflict}.' },
  conflictHint: {
    en: 'Keep the existing install (set synapse.install to the way it was installed), or remove it yourself first. Nothing was changed.',
    ru: 'Оставьте существующую установку (укажите в synapse.install способ, которым она была сделана) или сначала удалите её сами. Ничего не изменено.',
  },
  serverNameTask: {
    en: { one: 'Check that {paths} names no server other than {server}', other: 'Check that {paths} name no server other than {server}' },
    ru: {
      one: 'Проверить, что в {paths} не указан другой сервер, кроме {server}',
      few: 'Проверить, что в {paths} не указан другой сервер, кроме {server}',
      many: 'Проверить, что в {paths} не указан другой сервер, кроме {server}',
    },
  },
  pathProblem: { en: '{path}: {problem}.', ru: '{path}: {problem}.' },
  otherServerHint: {
    en: 'Set server_name to "{found}" if this is that server, or install on a fresh machine. Nothing was changed.',
    ru: 'Укажите server_name "{found}", если это тот самый сервер, или ставьте на чистую машину. Ничего не изменено.',
  },

  // matrix.org's repository
  keyringEmpty: { en: 'it holds no OpenPGP key', ru: 'в нём нет ключа OpenPGP' },
  keyringMany: {
    en: 'it holds {count} keys ({keys}), expected only {expected}',
    ru: 'в нём ключей: {count} ({keys}), а ожидался только {expected}',
  },
  keyringOther: { en: 'its key is {key}, expected {expected}', ru: 'его ключ — {key}, а ожидался {expected}' },
  noSigningKey: { en: 'it holds no signing key that is not revoked', ru: 'в нём нет неотозванного ключа подписи' },
  signingKeyExpired: { en: 'its signing key expired on {date}', ru: 'срок его ключа подписи истёк {date}' },
  signingKeyExpires: { en: 'its signing key expires on {date}', ru: 'срок его ключа подписи истекает {date}' },
  never: { en: 'never', ru: 'никогда' },
  keyNotExtended: {
    en: "matrix.org's signing key expires on {date} and the published key has not been extended yet; matrix-setup fetches it again on its next run.",
    ru: 'Срок ключа подписи matrix.org истекает {date}, а опубликованный ключ ещё не продлён; matrix-setup загрузит его снова при следующем запуске.',
  },
  keyExpiredNoNewer: {
    en: "matrix.org's signing key expired on {date}, and the key published at {url} is no newer",
    ru: 'срок ключа подписи matrix.org истёк {date}, а ключ, опубликованный на {url}, не новее',
  },
  publishedKeyExpired: {
    en: 'the key published at {url} has no signing key that is still valid',
    ru: 'у ключа, опубликованного на {url}, нет действующего ключа подписи',
  },
  keyringTask: {
    en: "Install matrix.org's signing key as {keyring} after checking its fingerprint is {fingerprint}; fetched again when its signing key expires within {days} days",
    ru: 'Установить ключ подписи matrix.org как {keyring}, проверив, что его отпечаток — {fingerprint}; ключ загружается снова, если срок его ключа подписи истекает в течение {days} дней',
  },
  whenKeyring: {
    en: 'read-only, on every run: the installed keyring, its key and when its signing key expires',
    ru: 'только чтение, при каждом запуске: установленная связка ключей, её ключ и срок ключа подписи',
  },
  whenKeyringStale: {
    en: 'when the keyring is missing, holds another key, or its signing key expires within {days} days',
    ru: 'если связки ключей нет, в ней другой ключ или срок её ключа подписи истекает в течение {days} дней',
  },
  whenKeyChecked: {
    en: 'refuses to go on unless the only key is the expected one; installs it only when it lasts longer than the installed one',
    ru: 'дальше — только если единственный ключ тот, что ожидается; устанавливается, только если действует дольше установленного',
  },
  temporaryDirectory: { en: '<temporary directory>', ru: '<временный каталог>' },
  keyringStale: { en: "{keyring}: {reason}; fetching matrix.org's key again.", ru: '{keyring}: {reason}; ключ matrix.org загружается снова.' },
  reachOverHttps: { en: 'Check that this machine can reach {host} over HTTPS (proxy, firewall, DNS).', ru: 'Проверьте, что эта машина может обратиться к {host} по HTTPS (прокси, файрвол, DNS).' },
  notMatrixOrgKey: { en: "The key downloaded from {url} is not matrix.org's: {problem}.", ru: 'Ключ, загруженный с {url}, не принадлежит matrix.org: {problem}.' },
  notMatrixOrgKeyHint: {
    en: 'It was not installed and nothing was trusted. Something between this machine and packages.matrix.org may be tampering with downloads; try again later, or use synapse.install: venv.',
    ru: 'Он не установлен, и ничему не выдано доверие. Возможно, что-то между этой машиной и packages.matrix.org подменяет загрузки; попробуйте позже или используйте synapse.install: venv.',
  },
  cannotVerifyRepository: { en: 'APT cannot verify packages.matrix.org: {reason}.', ru: 'APT не может проверить packages.matrix.org: {reason}.' },
  cannotVerifyRepositoryHint: {
    en: "Check matrix.org's announcements (Synapse's upgrade notes) for a new key, or switch to synapse.install: venv, then resume.",
    ru: 'Поищите новый ключ в объявлениях matrix.org (заметках об обновлении Synapse) или перейдите на synapse.install: venv и продолжите.',
  },
  indexTask: { en: 'Read the package index of packages.matrix.org (suite {codename})', ru: 'Прочитать индекс пакетов packages.matrix.org (набор {codename})' },
  whenAptKnows: { en: 'read-only: whether APT already knows the package', ru: 'только чтение: знает ли APT уже этот пакет' },
  whenItDoesNot: { en: 'when it does not', ru: 'если не знает' },
  noSuite: {
    en: 'packages.matrix.org does not publish Synapse for "{codename}" (no Release file for that suite).',
    ru: 'packages.matrix.org не выпускает Synapse для "{codename}" (для этого набора нет файла Release).',
  },
  noSuiteRemovedHint: {
    en: 'Set synapse.install: venv in the answers (Synapse from PyPI works on every release), then resume. {file} was removed again so APT keeps working.',
    ru: 'Укажите в ответах synapse.install: venv (Synapse из PyPI работает на любом выпуске) и продолжите. {file} удалён обратно, чтобы APT продолжал работать.',
  },
  noSuiteHint: {
    en: 'Set synapse.install: venv in the answers (Synapse from PyPI works on every release), then resume. Remove {file} if you switch.',
    ru: 'Укажите в ответах synapse.install: venv (Synapse из PyPI работает на любом выпуске) и продолжите. Если переходите на venv, удалите {file}.',
  },

  // Configuration
  configTitle: { en: 'Configure Synapse', ru: 'Настройка Synapse' },
  signingKeyTask: {
    en: "Generate the server's signing key {path} (once: other servers remember it)",
    ru: 'Создать ключ подписи сервера {path} (один раз: другие серверы его запоминают)',
  },
  configCheckTask: { en: "Check the configuration with Synapse's own parser ({files})", ru: 'Проверить конфигурацию собственным разборщиком Synapse ({files})' },
  noConfigChecker: {
    en: 'This Synapse release has no config checker (python -m synapse.config); its start will show any config error.',
    ru: 'В этом выпуске Synapse нет проверки конфигурации (python -m synapse.config); ошибки конфигурации покажет его запуск.',
  },
  configRejected: { en: 'Synapse rejects its configuration; it was not restarted.', ru: 'Synapse не принимает свою конфигурацию; он не перезапускался.' },
  configRejectedHint: {
    en: 'The lines above name the setting. Files: {files}. Fix the answers (or your own file) and resume.',
    ru: 'Строки выше называют параметр. Файлы: {files}. Исправьте ответы (или свой файл) и продолжите.',
  },
  emailTitle: { en: 'Email for Synapse', ru: 'Почта для Synapse' },
  emailContentWarning: {
    en: 'Notification emails quote the messages they notify about (sender, room and text of unencrypted rooms): they leave the server through the SMTP relay and stay in mailboxes. Users can turn them off in their client.',
    ru: 'Письма-уведомления цитируют сообщения, о которых сообщают (отправитель, комната и текст из незашифрованных комнат): они уходят с сервера через SMTP-ретранслятор и остаются в почтовых ящиках. Пользователи могут отключить их в своём клиенте.',
  },
  tuningTitle: { en: 'Tune the Synapse service', ru: 'Настройка службы Synapse' },
  openFilesMismatch: { en: 'systemd gives {unit} LimitNOFILE={limit}, not {wanted}.', ru: 'systemd выставляет {unit} LimitNOFILE={limit}, а не {wanted}.' },
  openFilesMismatchHint: {
    en: 'Another drop-in in /etc/systemd/system/{unit}.d/ sets it later; see `systemctl cat {unit}`.',
    ru: 'Его переопределяет другой файл в /etc/systemd/system/{unit}.d/; смотрите `systemctl cat {unit}`.',
  },
  noJemalloc: {
    en: '{library} is not there although {package} is installed: Synapse runs without jemalloc (more memory in use over time).',
    ru: '{library} отсутствует, хотя {package} установлен: Synapse работает без jemalloc (со временем расходует больше памяти).',
  },

  // Service
  serviceTitle: { en: 'Start Synapse', ru: 'Запуск Synapse' },
  resetFailed: {
    en: 'Forget earlier failed starts of {unit} (a crash loop before it was configured must not block the start)',
    ru: 'Забыть прежние неудачные запуски {unit} (цикл падений до настройки не должен мешать запуску)',
  },
  failedToStart: { en: 'Synapse failed to start ({unit}).', ru: 'Synapse не запустился ({unit}).' },
  waitTask: { en: 'Wait until Synapse answers on {url} (at most 120 s)', ru: 'Дождаться ответа Synapse на {url} (не больше 120 с)' },
  whenPolled: { en: 'polled every second until it answers "OK"', ru: 'опрашивается каждую секунду, пока не ответит "OK"' },
  stoppedInstead: {
    en: 'Synapse stopped ({unit} is {state}) instead of answering on {url}.',
    ru: 'Synapse остановился ({unit}: {state}), вместо того чтобы ответить на {url}.',
  },
  noAnswer: { en: 'Synapse did not answer on {url} within {seconds} s.', ru: 'Synapse не ответил на {url} за {seconds} с.' },
  notReadyHint: {
    en: 'Full logs: journalctl -u {unit} and {log}. Fix the cause, then resume.',
    ru: 'Полные журналы: journalctl -u {unit} и {log}. Устраните причину и продолжите.',
  },
  notReadyCauseHint: {
    en: 'Likely cause: {causes} Full logs: journalctl -u {unit} and {log}. Fix the cause, then resume.',
    ru: 'Вероятная причина: {causes} Полные журналы: journalctl -u {unit} и {log}. Устраните причину и продолжите.',
  },
  causeLogin: {
    en: 'PostgreSQL refused the login: the database password or pg_hba.conf does not match what the config says.',
    ru: 'PostgreSQL отказал во входе: пароль базы данных или pg_hba.conf не соответствуют конфигурации.',
  },
  causeUnreachable: { en: 'PostgreSQL is not reachable at the configured host and port.', ru: 'PostgreSQL недоступен на указанных в конфигурации хосте и порту.' },
  causeLocale: {
    en: 'the database was not created with C collation and ctype, which Synapse requires.',
    ru: 'база данных создана не с правилом сортировки и ctype C, которых требует Synapse.',
  },
  causeOtherServer: { en: 'the database belongs to another server_name.', ru: 'база данных принадлежит другому server_name.' },
  causePortTaken: { en: 'another program listens on {address} (see `ss -ltnp`).', ru: '{address} слушает другая программа (смотрите `ss -ltnp`).' },
  causeConfig: { en: 'Synapse rejects its configuration (the message above names the setting).', ru: 'Synapse не принимает свою конфигурацию (сообщение выше называет параметр).' },
  causePermission: {
    en: 'a file or directory Synapse needs is not readable or writable by its user.',
    ru: 'файл или каталог, нужный Synapse, недоступен его пользователю для чтения или записи.',
  },
  causeModule: { en: 'the Synapse installation is incomplete (a Python module is missing).', ru: 'установка Synapse неполная (не хватает модуля Python).' },
  causeSigningKey: { en: 'the signing key is missing or unreadable.', ru: 'ключа подписи нет или его не прочитать.' },

  // Admin account
  adminTitle: { en: 'Create the admin account', ru: 'Создание учётной записи администратора' },
  adminDisabled: { en: 'admin.enabled is false', ru: 'в ответах admin.enabled: false' },
  adminTask: {
    en: 'Create the admin account {user} unless it exists (the same as `{tool} --admin`, without a password on a command line)',
    ru: 'Создать учётную запись администратора {user}, если её нет (то же, что `{tool} --admin`, но без пароля в командной строке)',
  },
  whenNonce: { en: 'when the account is missing: a registration nonce', ru: 'если учётной записи нет: одноразовый код (nonce) регистрации' },
  adminCreatedGenerated: {
    en: 'Created the admin account {user} (its generated password is shown once when the run ends).',
    ru: 'Создана учётная запись администратора {user} (её сгенерированный пароль будет показан один раз в конце).',
  },
  adminCreatedGiven: { en: 'Created the admin account {user} with the password from the answers.', ru: 'Создана учётная запись администратора {user} с паролем из ответов.' },
  adminExists: { en: '{user} already exists; left as it is.', ru: '{user} уже существует; оставлена как есть.' },
  noNonce: {
    en: "Synapse's registration API did not hand out a nonce (HTTP {status}).",
    ru: 'API регистрации Synapse не выдал nonce (HTTP {status}).',
  },
  noNonceHint: {
    en: 'registration_shared_secret may be missing from the loaded config; check the synapse-config step and resume.',
    ru: 'Возможно, в загруженной конфигурации нет registration_shared_secret; проверьте шаг synapse-config и продолжите.',
  },
  adminRefused: { en: 'Synapse refused to create the admin account: {error}.', ru: 'Synapse отказался создать учётную запись администратора: {error}.' },
  weakPasswordHint: {
    en: "The password in admin.password_file does not meet the server's password policy; choose a stronger one and resume.",
    ru: 'Пароль из admin.password_file не соответствует парольной политике сервера; выберите более сложный и продолжите.',
  },
  sharedSecretHint: {
    en: 'The shared secret Synapse loaded may differ from the one matrix-setup keeps: restart Synapse (systemctl restart matrix-synapse) and resume.',
    ru: 'Общий секрет, загруженный Synapse, может отличаться от того, что хранит matrix-setup: перезапустите Synapse (systemctl restart matrix-synapse) и продолжите.',
  },
  unreachable: { en: 'Cannot reach Synapse at {url}: {error}.', ru: 'Не удалось обратиться к Synapse по {url}: {error}.' },
  unreachableHint: {
    en: 'Synapse should be running (the synapse-service step); check `systemctl status matrix-synapse` and resume.',
    ru: 'Synapse должен работать (шаг synapse-service); проверьте `systemctl status matrix-synapse` и продолжите.',
  },

  // Registration token
  tokenTitle: { en: 'Create the first registration token', ru: 'Создание первого токена регистрации' },
  registrationIs: { en: 'synapse.registration is {value}', ru: 'в ответах synapse.registration: {value}' },
  tokenNeedsAdmin: {
    en: 'it is created as the admin, and admin.enabled is false (create tokens with the admin API yourself)',
    ru: 'он создаётся от имени администратора, а admin.enabled: false (создайте токены сами через admin API)',
  },
  tokenTask: {
    en: 'Create the registration token unless Synapse has it (as @{user}:{server}, logged out again afterwards)',
    ru: 'Создать токен регистрации, если его нет в Synapse (от имени @{user}:{server}, с выходом после этого)',
  },
  tokenCreated: {
    en: 'Created the first registration token, for {accounts} within {days} (shown once when the run ends).',
    ru: 'Создан первый токен регистрации: {accounts} в течение {days} (будет показан один раз в конце).',
  },
  accounts: {
    en: { one: '{count} account', other: '{count} accounts' },
    ru: { one: 'не более {count} учётной записи', few: 'не более {count} учётных записей', many: 'не более {count} учётных записей' },
  },
  days: {
    en: { one: '{count} day', other: '{count} days' },
    ru: { one: '{count} дня', few: '{count} дней', many: '{count} дней' },
  },
  loginRefused: { en: 'Synapse refused the admin login for {user}: {error}.', ru: 'Synapse не пустил администратора {user}: {error}.' },
  loginRefusedHint: {
    en: 'The admin password matrix-setup keeps may have been changed in Synapse; create the token yourself (Synapse admin API registration_tokens/new).',
    ru: 'Возможно, пароль администратора, который хранит matrix-setup, был изменён в Synapse; создайте токен сами (admin API Synapse registration_tokens/new).',
  },
  tokenRefused: { en: 'Synapse refused to create the registration token: {error}.', ru: 'Synapse отказался создать токен регистрации: {error}.' },
  tokenRefusedHint: {
    en: 'Create one yourself with the admin API (POST /_synapse/admin/v1/registration_tokens/new) and resume.',
    ru: 'Создайте его сами через admin API (POST /_synapse/admin/v1/registration_tokens/new) и продолжите.',
  },
});
