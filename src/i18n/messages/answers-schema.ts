/**
 * What each key of the answers file means, and each of its choices: the saved file's comments
 * and the JSON Schema use the English text (configuration stays in English), the wizard shows
 * them as help in the user's language. Keys are the answers' key paths.
 */
import { defineMessages } from '../define.js';

export const fieldText = defineMessages('answers-schema', {
  answers: {
    en: 'Answers for matrix-setup: what to install and how. Secrets are given by reference (a file or an environment variable), never inline.',
    ru: 'Ответы для matrix-setup: что и как устанавливать. Секреты указываются ссылкой (файл или переменная окружения), никогда не напрямую.',
  },
  version: { en: 'Format version of this file. Always 1.', ru: 'Версия формата этого файла. Всегда 1.' },
  server_name: {
    en: 'Your Matrix domain: the part after the colon in @alice:example.org. It is permanent: it can never be changed after the first start.',
    ru: 'Ваш домен Matrix: часть после двоеточия в @alice:example.org. Выбирается навсегда: после первого запуска изменить его нельзя.',
  },
  synapse_host: {
    en: 'The host name that serves Synapse to clients and other servers. Use another name than server_name (such as matrix.example.org) to keep the website of server_name elsewhere.',
    ru: 'Имя хоста, на котором Synapse доступен клиентам и другим серверам. Укажите имя, отличное от server_name (например, matrix.example.org), чтобы сайт server_name оставался на другом сервере.',
  },
  federation: {
    en: 'Talk to other Matrix servers. Turn off for a private, closed server.',
    ru: 'Общение с другими серверами Matrix. Выключите для закрытого сервера.',
  },
  delegation: {
    en: 'How clients and servers find synapse_host from server_name: /.well-known/matrix/server and /.well-known/matrix/client on https://<server_name>.',
    ru: 'Как клиенты и серверы находят synapse_host по server_name: /.well-known/matrix/server и /.well-known/matrix/client на https://<server_name>.',
  },
  'delegation.auto': {
    en: 'serve .well-known files on server_name when synapse_host differs from it',
    ru: 'отдавать файлы .well-known на server_name, если synapse_host от него отличается',
  },
  'delegation.well-known': {
    en: 'always serve them (synapse_host must differ from server_name)',
    ru: 'отдавать их всегда (synapse_host должен отличаться от server_name)',
  },
  'delegation.none': {
    en: 'serve none (the host of server_name already does, or nobody needs them)',
    ru: 'не отдавать (их уже отдаёт хост server_name, или они никому не нужны)',
  },
  tls: {
    en: 'The HTTPS certificate for synapse_host, element.host and (with delegation) server_name.',
    ru: 'Сертификат HTTPS для synapse_host, element.host и (при делегировании) server_name.',
  },
  'tls.mode': { en: 'Where the certificate comes from.', ru: 'Откуда берётся сертификат.' },
  'tls.mode.letsencrypt': {
    en: "a free certificate from Let's Encrypt (or another ACME server), renewed automatically",
    ru: "бесплатный сертификат от Let's Encrypt (или другого сервера ACME), продлевается автоматически",
  },
  'tls.mode.existing': { en: 'a certificate you already have (cert_path and key_path)', ru: 'сертификат, который у вас уже есть (cert_path и key_path)' },
  'tls.mode.self-signed': {
    en: 'for tests only: browsers warn and other servers refuse to federate',
    ru: 'только для тестов: браузеры предупреждают, а другие серверы отказываются от федерации',
  },
  'tls.email': {
    en: 'Address for the ACME account: expiry and security notices go there.',
    ru: 'Адрес учётной записи ACME: сюда приходят уведомления об истечении срока и о безопасности.',
  },
  'tls.email.required': {
    en: 'the ACME account needs an address for expiry and security notices',
    ru: 'учётной записи ACME нужен адрес для уведомлений об истечении срока и о безопасности',
  },
  'tls.acme_directory': {
    en: "ACME directory URL. The default is Let's Encrypt's production service; use https://acme-staging-v02.api.letsencrypt.org/directory to try things out.",
    ru: "URL каталога ACME. По умолчанию — рабочий сервис Let's Encrypt; для проб используйте https://acme-staging-v02.api.letsencrypt.org/directory.",
  },
  'tls.acme_ca_bundle': {
    en: "CA bundle (PEM) to trust when the ACME server uses a private CA. Not needed for Let's Encrypt.",
    ru: "Набор сертификатов ЦС (PEM), которому доверять, если сервер ACME использует собственный ЦС. Для Let's Encrypt не нужен.",
  },
  'tls.cert_path': {
    en: 'PEM certificate chain (full chain) covering every host name served.',
    ru: 'Цепочка сертификатов PEM (полная), покрывающая все обслуживаемые имена хостов.',
  },
  'tls.cert_path.required': { en: 'an existing certificate needs its file', ru: 'для имеющегося сертификата нужен его файл' },
  'tls.key_path': { en: 'PEM private key of that certificate.', ru: 'Закрытый ключ этого сертификата в формате PEM.' },
  'tls.key_path.required': { en: 'an existing certificate needs its private key', ru: 'для имеющегося сертификата нужен его закрытый ключ' },
  database: { en: 'The PostgreSQL database of Synapse.', ru: 'База данных PostgreSQL для Synapse.' },
  'database.mode': { en: 'Where the database runs.', ru: 'Где работает база данных.' },
  'database.mode.local': { en: 'install PostgreSQL on this machine (recommended)', ru: 'установить PostgreSQL на эту машину (рекомендуется)' },
  'database.mode.external': {
    en: 'use a PostgreSQL server elsewhere (host and password needed)',
    ru: 'использовать PostgreSQL на другом сервере (нужны адрес и пароль)',
  },
  'database.name': {
    en: 'Database name. It is created UTF8 with C collation, as Synapse requires.',
    ru: 'Имя базы данных. Она создаётся в кодировке UTF8 с правилом сортировки C, как требует Synapse.',
  },
  'database.user': { en: 'Role Synapse connects as; it owns the database.', ru: 'Роль, под которой подключается Synapse; ей принадлежит база данных.' },
  'database.host': {
    en: 'Host name or IP address of the external PostgreSQL server (a local one is reached on 127.0.0.1).',
    ru: 'Имя хоста или IP-адрес внешнего сервера PostgreSQL (к локальному подключение идёт по 127.0.0.1).',
  },
  'database.host.required': { en: 'an external database needs its address', ru: 'для внешней базы данных нужен её адрес' },
  'database.port': {
    en: 'Port of the PostgreSQL server (a local one listens on 127.0.0.1 at this port; 5432 unless you run it elsewhere).',
    ru: 'Порт сервера PostgreSQL (локальный слушает этот порт на 127.0.0.1; 5432, если вы не настроили иначе).',
  },
  'database.sslmode': {
    en: "TLS for the connection to an external database (libpq sslmode). verify-full checks the server's certificate against this machine's CAs and its host name, so the password goes to that server only.",
    ru: 'TLS для подключения к внешней базе данных (sslmode в libpq). verify-full проверяет сертификат сервера по ЦС этой машины и его имя хоста, так что пароль уходит только этому серверу.',
  },
  'database.sslmode.disable': { en: 'no TLS', ru: 'без TLS' },
  'database.sslmode.prefer': { en: 'TLS when the server offers it', ru: 'TLS, если сервер его предлагает' },
  'database.sslmode.require': { en: 'TLS always, certificate not checked', ru: 'всегда TLS, сертификат не проверяется' },
  'database.sslmode.verify-ca': { en: 'TLS, certificate signed by a trusted CA', ru: 'TLS, сертификат подписан доверенным ЦС' },
  'database.sslmode.verify-full': { en: 'TLS, trusted certificate for this host name', ru: 'TLS, доверенный сертификат для этого имени хоста' },
  'database.password': {
    en: 'Password of the Synapse role. For a local database it is generated and kept in /var/lib/matrix-setup/secrets.yaml when not given.',
    ru: 'Пароль роли Synapse. Для локальной базы данных, если он не задан, генерируется и хранится в /var/lib/matrix-setup/secrets.yaml.',
  },
  'database.password.required': {
    en: 'matrix-setup cannot know the password of an external database',
    ru: 'matrix-setup не может знать пароль внешней базы данных',
  },
  'database.admin_user': {
    en: 'External only: an administrator role used once to create the Synapse role and database. Leave out if they exist.',
    ru: 'Только для внешней базы: роль администратора, которая используется один раз, чтобы создать роль и базу данных Synapse. Не указывайте, если они уже есть.',
  },
  'database.admin_password': { en: 'External only: password of admin_user.', ru: 'Только для внешней базы: пароль admin_user.' },
  synapse: { en: 'The Synapse homeserver.', ru: 'Домашний сервер Synapse.' },
  'synapse.install': { en: 'How Synapse is installed.', ru: 'Как устанавливается Synapse.' },
  'synapse.install.auto': {
    en: "the best method that works on the system: the distribution's own package where there is one (Debian unstable), else the matrix.org APT repository (Debian, Ubuntu on amd64), else a Python virtualenv",
    ru: 'лучший способ, который работает в системе: пакет самого дистрибутива, если он есть (Debian unstable), иначе APT-репозиторий matrix.org (Debian, Ubuntu на amd64), иначе виртуальное окружение Python',
  },
  'synapse.install.apt': { en: 'the matrix.org APT repository (Debian, Ubuntu)', ru: 'APT-репозиторий matrix.org (Debian, Ubuntu)' },
  'synapse.install.distro': { en: "the distribution's own package", ru: 'пакет самого дистрибутива' },
  'synapse.install.venv': { en: 'a Python virtualenv with Synapse from PyPI', ru: 'виртуальное окружение Python с Synapse из PyPI' },
  'synapse.version': {
    en: 'Synapse release: latest, or an exact version such as 1.120.0 (pinned for venv installs).',
    ru: 'Выпуск Synapse: latest или точная версия, например 1.120.0 (для установки в venv версия закрепляется).',
  },
  'synapse.registration': { en: 'Who may create an account.', ru: 'Кто может создавать учётные записи.' },
  'synapse.registration.disabled': { en: 'only the admin creates accounts', ru: 'учётные записи создаёт только администратор' },
  'synapse.registration.token': { en: 'people register with a token the admin hands out', ru: 'люди регистрируются по токену, который выдаёт администратор' },
  'synapse.registration.open': {
    en: 'anyone can register (needs email verification: email.enabled)',
    ru: 'зарегистрироваться может любой (нужно подтверждение по почте: email.enabled)',
  },
  'synapse.registration_token_uses': {
    en: 'How many accounts the first registration token may create (it is shown once when the install ends). Make more tokens with the admin API.',
    ru: 'Сколько учётных записей можно создать по первому токену регистрации (он показывается один раз в конце установки). Новые токены создаются через admin API.',
  },
  'synapse.registration_token_days': {
    en: 'Days the first registration token stays valid after it is created.',
    ru: 'Сколько дней первый токен регистрации действует после создания.',
  },
  'synapse.max_upload_size': {
    en: "Largest file users can upload, such as 50M or 1G. nginx's body size limit follows it.",
    ru: 'Наибольший размер загружаемого файла, например 50M или 1G. Лимит размера запроса в nginx выставляется по нему.',
  },
  'synapse.presence': {
    en: 'Share online/offline status. Turning it off saves CPU on busy servers.',
    ru: 'Показывать статус «в сети» / «не в сети». Если выключить, на нагруженных серверах экономится процессор.',
  },
  'synapse.url_previews': {
    en: "Fetch previews of links posted in rooms. The server then requests URLs on users' behalf (private ranges stay blocked).",
    ru: 'Загружать предпросмотр ссылок, опубликованных в комнатах. Тогда сервер запрашивает URL от имени пользователей (частные диапазоны адресов остаются заблокированы).',
  },
  'synapse.report_stats': { en: 'Send anonymous usage statistics to matrix.org.', ru: 'Отправлять анонимную статистику использования на matrix.org.' },
  'synapse.cache_factor': {
    en: "Synapse's cache size multiplier (SYNAPSE_CACHE_FACTOR). Leave out for Synapse's default (0.5); raise on servers with RAM to spare.",
    ru: 'Множитель размера кешей Synapse (SYNAPSE_CACHE_FACTOR). Не указывайте, чтобы оставить значение Synapse по умолчанию (0.5); увеличьте на серверах с запасом памяти.',
  },
  'synapse.open_files_limit': {
    en: 'Open file limit of the service (LimitNOFILE); federation with many servers needs a high one.',
    ru: 'Лимит открытых файлов службы (LimitNOFILE); для федерации со множеством серверов нужен высокий.',
  },
  admin: { en: 'The first administrator account.', ru: 'Первая учётная запись администратора.' },
  'admin.enabled': {
    en: 'Create an administrator account (skipped when it already exists).',
    ru: 'Создать учётную запись администратора (пропускается, если она уже есть).',
  },
  'admin.username': {
    en: 'User name of the admin: admin becomes @admin:<server_name>.',
    ru: 'Имя пользователя администратора: admin становится @admin:<server_name>.',
  },
  'admin.password': {
    en: 'Password of the admin. When not given it is generated, shown once, and kept in /var/lib/matrix-setup/secrets.yaml.',
    ru: 'Пароль администратора. Если не задан, он генерируется, показывается один раз и хранится в /var/lib/matrix-setup/secrets.yaml.',
  },
  element: { en: 'Element Web, the browser client.', ru: 'Element Web, клиент для браузера.' },
  'element.enabled': { en: 'Install Element Web.', ru: 'Установить Element Web.' },
  'element.host': {
    en: 'Host name Element Web is served on. Its own name keeps it apart from Synapse, as Element recommends.',
    ru: 'Имя хоста, на котором работает Element Web. Отдельное имя отделяет его от Synapse, как рекомендуют разработчики Element.',
  },
  'element.version': {
    en: 'Element Web release to download: latest, or an exact version such as 1.11.90.',
    ru: 'Выпуск Element Web для загрузки: latest или точная версия, например 1.11.90.',
  },
  'element.tarball': {
    en: 'Use this release tarball (a local path or an https URL) instead of the download, for offline servers. Needs sha256.',
    ru: 'Использовать этот архив выпуска (локальный путь или URL https) вместо загрузки — для серверов без доступа в интернет. Нужен sha256.',
  },
  'element.sha256': {
    en: 'SHA-256 of the tarball (64 hex characters), checked before it is unpacked.',
    ru: 'SHA-256 архива (64 шестнадцатеричных символа), проверяется перед распаковкой.',
  },
  'element.sha256.required': { en: 'a tarball is only unpacked when its checksum matches', ru: 'архив распаковывается, только если совпадает его контрольная сумма' },
  turn: { en: 'A TURN server (coturn) so voice and video calls work through NAT.', ru: 'Сервер TURN (coturn), чтобы голосовые и видеозвонки проходили через NAT.' },
  'turn.enabled': { en: 'Install coturn and point Synapse at it.', ru: 'Установить coturn и указать его Synapse.' },
  'turn.external_ip': { en: 'Public address of this machine; detected when not given.', ru: 'Внешний адрес этой машины; если не задан, определяется автоматически.' },
  'turn.private_ip': {
    en: 'Private address of this machine behind NAT, paired with external_ip.',
    ru: 'Внутренний адрес этой машины за NAT, сопоставляется с external_ip.',
  },
  'turn.min_port': {
    en: 'First UDP port of the relay range (opened in the firewall).',
    ru: 'Первый UDP-порт диапазона ретрансляции (открывается в файрволе).',
  },
  'turn.max_port': { en: 'Last UDP port of the relay range.', ru: 'Последний UDP-порт диапазона ретрансляции.' },
  email: { en: 'Outgoing email: notifications and password resets.', ru: 'Исходящая почта: уведомления и сброс пароля.' },
  'email.mapping': { en: "the Let's Encrypt account address goes in tls.email", ru: "адрес учётной записи Let's Encrypt указывается в tls.email" },
  'email.enabled': { en: 'Send email through an SMTP server.', ru: 'Отправлять почту через SMTP-сервер.' },
  'email.smtp_host': { en: 'SMTP server host name.', ru: 'Имя хоста SMTP-сервера.' },
  'email.smtp_host.required': { en: 'email needs an SMTP server', ru: 'для отправки почты нужен SMTP-сервер' },
  'email.smtp_port': { en: 'SMTP server port.', ru: 'Порт SMTP-сервера.' },
  'email.tls': { en: 'Encryption of the SMTP connection.', ru: 'Шифрование подключения к SMTP.' },
  'email.tls.starttls': { en: 'plain connection upgraded with STARTTLS (port 587)', ru: 'обычное подключение с переходом на STARTTLS (порт 587)' },
  'email.tls.tls': { en: 'TLS from the start (port 465)', ru: 'TLS с самого начала (порт 465)' },
  'email.tls.none': { en: 'no encryption (a relay on this machine only)', ru: 'без шифрования (только для ретранслятора на этой машине)' },
  'email.smtp_user': { en: 'SMTP login; leave out for a relay that needs none.', ru: 'Логин SMTP; не указывайте для ретранслятора, которому он не нужен.' },
  'email.smtp_password': { en: 'SMTP password, with smtp_user.', ru: 'Пароль SMTP, вместе с smtp_user.' },
  'email.notif_from': {
    en: 'Sender of the mails, such as "Matrix <noreply@example.org>".',
    ru: 'Отправитель писем, например "Matrix <noreply@example.org>".',
  },
  'email.notif_from.required': { en: 'mail needs a sender address', ru: 'для писем нужен адрес отправителя' },
  firewall: {
    en: 'Ports 80, 443 and 8448 (and the TURN ports) must be reachable from the internet.',
    ru: 'Порты 80, 443 и 8448 (и порты TURN) должны быть доступны из интернета.',
  },
  'firewall.auto': {
    en: 'open the needed ports if ufw or firewalld is active (never turns one on)',
    ru: 'открыть нужные порты, если включён ufw или firewalld (сам файрвол не включается)',
  },
  'firewall.skip': { en: 'leave the firewall alone', ru: 'не трогать файрвол' },
  automatic_updates: {
    en: "Turn on the distribution's automatic security updates (unattended-upgrades or dnf-automatic). CentOS Stream publishes no security advisories, so there every update is applied automatically.",
    ru: 'Включить автоматические обновления безопасности дистрибутива (unattended-upgrades или dnf-automatic). CentOS Stream не публикует бюллетени безопасности, поэтому там автоматически ставятся все обновления.',
  },
  version_required: { en: 'add `version: 1` as the first line', ru: 'добавьте первой строкой `version: 1`' },
  server_name_required: {
    en: 'it is your Matrix domain, the part after the colon in @alice:example.org',
    ru: 'это ваш домен Matrix, часть после двоеточия в @alice:example.org',
  },
});
