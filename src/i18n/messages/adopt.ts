/** `matrix-setup adopt`: what it found on a server set up by hand, why it can or cannot take it over, the answers it writes, and its run. */
import { defineMessages } from '../define.js';

export const adoptText = defineMessages('adopt', {
  // The command
  needsRoot: {
    en: "adopt reads Synapse's configuration, signing key and database, which only root may read.",
    ru: 'adopt читает конфигурацию Synapse, ключ подписи и базу данных, а их может читать только root.',
  },
  nothingChangedFound: { en: 'matrix-setup adopt: nothing was changed. Found on this machine:', ru: 'matrix-setup adopt: ничего не изменено. На этой машине найдено:' },
  warning: { en: 'warning: {warning}', ru: 'предупреждение: {warning}' },
  answersWritten: { en: 'Answers that reproduce this server: {file}', ru: 'Ответы, которые воспроизводят этот сервер: {file}' },
  dropInChanges: {
    en: "Synapse's settings matrix-setup's drop-in would change: {changes}. The rest of your configuration stays as it is.",
    ru: 'Настройки Synapse, которые изменит дополнительный файл конфигурации matrix-setup: {changes}. Остальная ваша конфигурация остаётся как есть.',
  },
  none: { en: 'none', ru: 'никакие' },
  notSet: { en: 'none', ru: 'нет' },
  takeOverWith: {
    en: 'Review the answers and the plan, then take the server over with:\n  matrix-setup adopt --yes --answers {file}',
    ru: 'Проверьте ответы и план, затем возьмите сервер под управление командой:\n  matrix-setup adopt --yes --answers {file}',
  },
  cannotAdopt: { en: 'matrix-setup cannot adopt this server:', ru: 'matrix-setup не может взять этот сервер под управление:' },
  question: {
    en: 'Take over the Synapse of {server} on this {machine} machine (as planned above)?',
    ru: 'Взять под управление Synapse сервера {server} на этой машине ({machine}), как показано в плане выше?',
  },
  startingFromMachine: {
    en: 'Adopting the Synapse of {server} with the answers read from this machine:',
    ru: 'Synapse сервера {server} переводится под управление с ответами, прочитанными с этой машины:',
  },
  headline: {
    en: 'Your Matrix homeserver {server} is adopted: matrix-setup manages it from now on.',
    ru: 'Ваш домашний сервер Matrix {server} переведён под управление: теперь им управляет matrix-setup.',
  },
  headlineResumed: {
    en: 'Your Matrix homeserver {server} is adopted (resumed): matrix-setup manages it from now on.',
    ru: 'Ваш домашний сервер Matrix {server} переведён под управление (после продолжения): теперь им управляет matrix-setup.',
  },
  backupRow: { en: 'Backup before', ru: 'Копия до перевода' },
  backupNext: {
    en: 'The backup taken before adopting is {archive} (it holds the SQLite database, if there was one, but no media); for a full one with media: matrix-setup backup',
    ru: 'Резервная копия, сделанная перед переводом под управление: {archive} (в ней есть база данных SQLite, если она была, но нет медиафайлов); полная копия с медиафайлами: matrix-setup backup',
  },

  // What was found (the labels of `adopt`'s report)
  labelSynapse: { en: 'Synapse', ru: 'Synapse' },
  labelStartedBy: { en: 'started by', ru: 'запускается' },
  labelRunning: { en: 'running', ru: 'работает' },
  labelContainer: { en: 'container', ru: 'контейнер' },
  labelServerName: { en: 'server_name', ru: 'server_name' },
  labelConfigFile: { en: 'config file', ru: 'файл настроек' },
  labelConfigProblem: { en: 'config problem', ru: 'ошибка настроек' },
  labelSigningKey: { en: 'signing key', ru: 'ключ подписи' },
  labelDatabase: { en: 'database', ru: 'база данных' },
  labelMediaStore: { en: 'media store', ru: 'медиафайлы' },
  labelPort: { en: 'port {port}', ru: 'порт {port}' },
  labelNginx: { en: 'nginx', ru: 'nginx' },
  labelCertificate: { en: 'certificate', ru: 'сертификат' },
  labelCertbot: { en: 'certbot', ru: 'certbot' },
  labelRegistration: { en: 'registration', ru: 'регистрация' },
  labelFederation: { en: 'federation', ru: 'федерация' },
  labelTurn: { en: 'TURN', ru: 'TURN' },
  labelEmail: { en: 'email', ru: 'почта' },
  labelWouldServe: { en: 'would serve', ru: 'будет отдавать' },
  labelWouldReplace: { en: 'would replace', ru: 'заменит' },
  notFound: { en: 'not found', ru: 'не найден' },
  missing: { en: ' (missing)', ru: ' (отсутствует)' },
  empty: { en: '(empty)', ru: '(пусто)' },
  virtualenv: { en: 'virtualenv {path}', ru: 'virtualenv {path}' },
  asUser: { en: ' as {user}', ru: ' от имени {user}' },
  inUnit: { en: 'in {unit}', ru: 'в {unit}' },
  inContainer: { en: 'in a {container} container', ru: 'в контейнере {container}' },
  outsideSystemd: { en: 'outside systemd ({cgroup})', ru: 'вне systemd ({cgroup})' },
  publicKey: { en: ' (public {key})', ru: ' (открытый ключ {key})' },
  accounts: {
    en: { one: '{count} account', other: '{count} accounts' },
    ru: { one: '{count} учётная запись', few: '{count} учётные записи', many: '{count} учётных записей' },
  },
  postgresFacts: {
    en: 'PostgreSQL {database} as {user} on {host}:{port}',
    ru: 'PostgreSQL {database}, роль {user}, на {host}:{port}',
  },
  postgresServer: { en: ', server {major}, {encoding}, COLLATE {collate}, CTYPE {ctype}, {accounts}', ru: ', сервер {major}, {encoding}, COLLATE {collate}, CTYPE {ctype}, {accounts}' },
  nginxServes: { en: '{names} on {ports}{tls}: {what} [{where}]', ru: '{names} на {ports}{tls}: {what} [{where}]' },
  nginxDefault: { en: '(default)', ru: '(по умолчанию)' },
  nginxRedirect: { en: 'redirect', ru: 'перенаправление' },
  nginxOther: { en: 'other', ru: 'другое' },
  forNames: { en: ' for {names}', ru: ' для {names}' },
  validUntil: { en: ', valid until {date}', ru: ', действует до {date}' },
  certbotLineage: {
    en: 'lineage {name} from {server} (account {account}{email}), renews with {authenticator}',
    ru: 'сертификат {name} от {server} (учётная запись {account}{email}), продлевается через {authenticator}',
  },
  registrationClosed: { en: 'closed', ru: 'закрыта' },
  registrationToken: { en: 'by token', ru: 'по токену' },
  registrationUnverified: { en: 'open without verification', ru: 'открыта без подтверждения' },
  registrationOpen: { en: 'open', ru: 'открыта' },
  registrationRequired: { en: 'open ({required} required)', ru: 'открыта (требуется {required})' },
  sharedSecretIn: { en: '; shared secret in {file}', ru: '; общий секрет в {file}' },
  federationOnlyWith: { en: 'only with {servers}', ru: 'только с {servers}' },
  on: { en: 'on', ru: 'включена' },
  off: { en: 'off', ru: 'выключена' },
  coturnHere: { en: ' (coturn installed here)', ru: ' (coturn установлен на этой машине)' },
  wouldServe: { en: '{host} (delegation: {delegation})', ru: '{host} (делегирование: {delegation})' },
  wouldReplace: { en: '{file} (switched off, kept under /var/lib/matrix-setup/backups)', ru: '{file} (отключается, копия хранится в /var/lib/matrix-setup/backups)' },
  methodDistro: { en: "Debian's own package", ru: 'пакет самого Debian' },
  methodApt: { en: "matrix.org's package", ru: 'пакет matrix.org' },
  methodVenv: { en: 'virtualenv', ru: 'virtualenv' },
  unknown: { en: 'unknown', ru: 'неизвестно' },

  // Why a server cannot be adopted, and what to look at
  inContainerRefused: {
    en: 'Synapse runs in a container ({container}): matrix-setup manages Synapse installed on the machine itself, not Docker or Podman deployments.',
    ru: 'Synapse работает в контейнере ({container}): matrix-setup управляет Synapse, установленным на саму машину, а не развёртываниями в Docker или Podman.',
  },
  inContainerProcess: {
    en: 'Synapse runs in a {container} container (PID {pid}): matrix-setup manages Synapse installed on the machine itself.',
    ru: 'Synapse работает в контейнере {container} (PID {pid}): matrix-setup управляет Synapse, установленным на саму машину.',
  },
  notSystemd: {
    en: 'Synapse runs as PID {pid}, not started by systemd (its cgroup is {cgroup}): matrix-setup stops, restarts and watches Synapse through its systemd unit. Stop that process and start Synapse with `systemctl start {unit}`, then run adopt again.',
    ru: 'Synapse работает как PID {pid} и запущен не через systemd (его cgroup — {cgroup}): matrix-setup останавливает, перезапускает и отслеживает Synapse через его юнит systemd. Остановите этот процесс, запустите Synapse командой `systemctl start {unit}` и снова выполните adopt.',
  },
  twoUnits: {
    en: 'Synapse runs under {running} (PID {pid}), while {unit} is the unit that starts it: two ways of starting it.',
    ru: 'Synapse работает под {running} (PID {pid}), а запускает его юнит {unit}: два способа запуска одновременно.',
  },
  packageWithoutUnit: {
    en: 'The {package} package is installed, but no systemd unit that starts synapse.app.homeserver was found.',
    ru: 'Пакет {package} установлен, но юнит systemd, который запускает synapse.app.homeserver, не найден.',
  },
  noSynapse: {
    en: 'No Synapse was found: no matrix-synapse or matrix-synapse-py3 package and no systemd unit that starts synapse.app.homeserver.',
    ru: 'Synapse не найден: нет пакета matrix-synapse или matrix-synapse-py3 и нет юнита systemd, который запускает synapse.app.homeserver.',
  },
  venvRefused: {
    en: "Synapse is installed with pip in the virtualenv {venv} and started by {unit}{config}: adopting a hand-made virtualenv is not supported yet (matrix-setup would have to move its files to its own layout). Adopt works for Debian's matrix-synapse and matrix.org's matrix-synapse-py3 packages.",
    ru: 'Synapse установлен через pip в virtualenv {venv} и запускается юнитом {unit}{config}: перевод под управление virtualenv, созданного вручную, пока не поддерживается (matrix-setup пришлось бы перенести его файлы в своё размещение). adopt работает с пакетами matrix-synapse из Debian и matrix-synapse-py3 от matrix.org.',
  },
  withConfig: { en: ' with {paths}', ru: ' с {paths}' },
  unknownProgram: {
    en: '{unit} starts Synapse with {program}, which is neither a Synapse package nor a virtualenv.',
    ru: '{unit} запускает Synapse через {program}, а это ни пакет Synapse, ни virtualenv.',
  },
  anUnknownProgram: { en: 'an unknown program', ru: 'неизвестную программу' },
  otherConfigPath: {
    en: "{unit} starts Synapse with --config-path {paths}, not {packaged} as the {package} package does: matrix-setup's settings go into conf.d, which this Synapse would not read. Put the package's unit back (remove your override) and run adopt again.",
    ru: '{unit} запускает Synapse с --config-path {paths}, а не {packaged}, как это делает пакет {package}: настройки matrix-setup записываются в conf.d, а этот Synapse его не прочитает. Верните юнит пакета (удалите своё переопределение) и снова выполните adopt.',
  },
  noneGiven: { en: '(none)', ru: '(нет)' },
  configUnreadable: { en: "Synapse's configuration cannot be read: {problem}.", ru: 'Не удаётся прочитать конфигурацию Synapse: {problem}.' },
  noServerName: { en: 'No server_name is set in {paths}.', ru: 'В {paths} не задан server_name.' },
  otherEngine: {
    en: 'Synapse uses the database engine "{name}"; only sqlite3 and psycopg2 are known.',
    ru: 'Synapse использует движок базы данных «{name}»; известны только sqlite3 и psycopg2.',
  },
  databaseOn: { en: '{database} on {host}:{port}', ru: '{database} на {host}:{port}' },
  otherServersUsers: {
    en: 'The database {where} holds the users of "{owner}" (such as {user}), but the config says server_name "{server}": this is not the same server (Synapse itself would refuse to start). Nothing can be adopted until config and database agree.',
    ru: 'В базе данных {where} пользователи сервера «{owner}» (например, {user}), а в конфигурации server_name «{server}»: это разные серверы (сам Synapse отказался бы запускаться). Перевести под управление ничего нельзя, пока конфигурация и база данных не согласуются.',
  },
  databaseProblem: { en: 'The database {where}: {problem}.', ru: 'База данных {where}: {problem}.' },
  sqliteMissing: {
    en: "Synapse's SQLite database {path} does not exist (has Synapse ever started?).",
    ru: 'Базы данных SQLite {path} не существует (Synapse вообще запускался?).',
  },
  pendingUpdates: {
    en: {
      one: "The SQLite database has {count} background update pending, which Synapse's port tool refuses to start with: adopting finishes it on its copy first (synapse_update_database), which takes longer on a large database.",
      other: "The SQLite database has {count} background updates pending, which Synapse's port tool refuses to start with: adopting finishes them on its copy first (synapse_update_database), which takes longer on a large database.",
    },
    ru: {
      one: 'В базе данных SQLite не завершено {count} фоновое обновление, а с ним инструмент переноса Synapse не запускается: перевод под управление сначала завершит его на копии (synapse_update_database), на большой базе это дольше.',
      few: 'В базе данных SQLite не завершено {count} фоновых обновления, а с ними инструмент переноса Synapse не запускается: перевод под управление сначала завершит их на копии (synapse_update_database), на большой базе это дольше.',
      many: 'В базе данных SQLite не завершено {count} фоновых обновлений, а с ними инструмент переноса Synapse не запускается: перевод под управление сначала завершит их на копии (synapse_update_database), на большой базе это дольше.',
    },
  },
  wrongCollation: {
    en: 'The PostgreSQL database {database} has COLLATE {collate} and CTYPE {ctype}; Synapse needs C for both (recreate it with --locale=C from a dump).',
    ru: 'У базы данных PostgreSQL {database} COLLATE {collate} и CTYPE {ctype}; Synapse нужен C для обоих (пересоздайте её с --locale=C из выгрузки).',
  },
  wrongEncoding: {
    en: 'The PostgreSQL database {database} is encoded {encoding}; Synapse needs UTF8.',
    ru: 'База данных PostgreSQL {database} в кодировке {encoding}; Synapse нужна UTF8.',
  },
  signingKeyMissing: {
    en: "The signing key {path} is missing: Synapse would make a new one at its next start and other servers would see a new identity. Put the server's key back first.",
    ru: 'Ключ подписи {path} отсутствует: при следующем запуске Synapse создал бы новый, и другие серверы увидели бы новую личность сервера. Сначала верните ключ сервера на место.',
  },
  mediaElsewhere: {
    en: 'The media store is {path}; matrix-setup keeps it in {packaged} and cannot adopt another place yet. Move it there (and set media_store_path) first.',
    ru: 'Медиафайлы лежат в {path}; matrix-setup хранит их в {packaged} и пока не умеет брать под управление другое место. Сначала перенесите их туда (и задайте media_store_path).',
  },
  openWithoutVerification: {
    en: 'Registration is open without any verification (enable_registration_without_verification): matrix-setup offers registration by token or with a verified email only. Change that first.',
    ru: 'Регистрация открыта без всякого подтверждения (enable_registration_without_verification): matrix-setup предлагает регистрацию только по токену или с подтверждённой почтой. Сначала измените это.',
  },
  secretPathSet: {
    en: '{key} is set (in {file}): matrix-setup writes {secret} itself, and Synapse refuses both at once. Put the secret in the config instead of a file first.',
    ru: '{key} задан (в {file}): matrix-setup сам записывает {secret}, а Synapse не принимает оба сразу. Сначала перенесите секрет из файла в конфигурацию.',
  },
  foreignProxy: {
    en: 'Port {port} is served by {holders}, a web server or proxy matrix-setup does not manage (it manages nginx). Move the site to nginx, or stop it, then run adopt again.',
    ru: 'Порт {port} обслуживает {holders} — веб-сервер или прокси, которым matrix-setup не управляет (он управляет nginx). Перенесите сайт в nginx или остановите его, затем снова выполните adopt.',
  },
  noWebServer: {
    en: 'No web server serves ports 80 and 443 yet: matrix-setup will set up nginx in front of Synapse.',
    ru: 'Порты 80 и 443 пока не обслуживает ни один веб-сервер: matrix-setup настроит nginx перед Synapse.',
  },
  websiteStays: {
    en: '{server} is a website served by nginx ({file}); it stays as it is and keeps serving /.well-known/matrix/ itself (delegation: none).',
    ru: '{server} — сайт, который отдаёт nginx ({file}); он остаётся как есть и сам отдаёт /.well-known/matrix/ (delegation: none).',
  },
  moreThanMatrix: {
    en: 'nginx serves more than Matrix for {names} ({where}: {content}). matrix-setup would replace that server block: move that content to another host name first.',
    ru: 'nginx отдаёт для {names} не только Matrix ({where}: {content}). matrix-setup заменил бы этот блок server: сначала перенесите это содержимое на другое имя хоста.',
  },
  alsoServes: {
    en: 'The nginx server block at {where} also serves {names}: matrix-setup would replace it. Give those names a server block of their own first.',
    ru: 'Блок server nginx в {where} отдаёт ещё и {names}: matrix-setup заменил бы его. Сначала вынесите эти имена в отдельный блок server.',
  },
  inNginxConf: {
    en: 'The server block for {names} is written in {file} itself: move it into a file of its own (sites-available/ or conf.d/) first.',
    ru: 'Блок server для {names} записан прямо в {file}: сначала перенесите его в отдельный файл (sites-available/ или conf.d/).',
  },
  sharedFile: {
    en: '{file} also holds server blocks for {names}: matrix-setup would disable the whole file. Split it first.',
    ru: 'В {file} есть и блоки server для {names}: matrix-setup отключил бы весь файл. Сначала разделите его.',
  },
  defaultServer: { en: 'the default server', ru: 'сервера по умолчанию' },

  // What adopt answered for what it could not see
  noteReportStats: { en: 'report_stats is not set in the config: answered false.', ru: 'report_stats не задан в конфигурации: ответ false.' },
  noteAdmin: {
    en: 'admin.enabled: false: the server has its own accounts, so no admin account is created (set it to true and give a username to have one made).',
    ru: 'admin.enabled: false: у сервера уже есть свои учётные записи, поэтому учётная запись администратора не создаётся (задайте true и имя пользователя, чтобы её создать).',
  },
  noteElement: {
    en: 'element.enabled: false: Element Web is not installed by adopting (set element.enabled to true to serve it on its own host).',
    ru: 'element.enabled: false: при переводе под управление Element Web не устанавливается (задайте element.enabled: true, чтобы отдавать его на отдельном хосте).',
  },
  noteTurn: {
    en: 'TURN is configured in Synapse ({uris}) and left as it is (turn.enabled: false means matrix-setup does not manage it).',
    ru: 'TURN настроен в Synapse ({uris}) и остаётся как есть (turn.enabled: false означает, что matrix-setup им не управляет).',
  },
  noteEmail: {
    en: 'Email is configured in Synapse (SMTP {host}) and left as it is (email.enabled: false means matrix-setup does not manage it).',
    ru: 'Почта настроена в Synapse (SMTP {host}) и остаётся как есть (email.enabled: false означает, что matrix-setup ею не управляет).',
  },
  noteWhitelist: {
    en: 'federation_domain_whitelist ({servers}) stays in your config; matrix-setup leaves it alone.',
    ru: 'federation_domain_whitelist ({servers}) остаётся в вашей конфигурации; matrix-setup его не трогает.',
  },
  noteUpdatesOn: { en: 'automatic_updates: true (unattended-upgrades is installed).', ru: 'automatic_updates: true (unattended-upgrades установлен).' },
  noteUpdatesOff: { en: 'automatic_updates: false (unattended-upgrades is not installed).', ru: 'automatic_updates: false (unattended-upgrades не установлен).' },
  noteNoContact: {
    en: "certbot's account for {server} keeps no contact address: tls.email defaults to admin@{name}.",
    ru: 'У учётной записи certbot для {server} нет контактного адреса: tls.email по умолчанию admin@{name}.',
  },
  noteNotRenewed: {
    en: 'The certificate {path} is not one certbot renews here: tls.mode is existing (renew it yourself, or switch to letsencrypt).',
    ru: 'Сертификат {path} не продлевается здесь через certbot: tls.mode: existing (продлевайте его сами или переключитесь на letsencrypt).',
  },
  noteNoCertificate: {
    en: "No certificate was found in front of Synapse: tls.mode letsencrypt from Let's Encrypt with email admin@{name} (check both).",
    ru: "Сертификат перед Synapse не найден: tls.mode letsencrypt от Let's Encrypt с адресом admin@{name} (проверьте оба).",
  },
  noteSocket: {
    en: 'Synapse reaches PostgreSQL over the Unix socket: it will connect over 127.0.0.1 with a password matrix-setup sets for {user}.',
    ru: 'Synapse подключается к PostgreSQL через Unix-сокет: теперь он будет подключаться через 127.0.0.1 с паролем, который matrix-setup задаст для {user}.',
  },
  noteNoPassword: {
    en: 'Synapse reaches PostgreSQL without a password: it will connect over 127.0.0.1 with a password matrix-setup sets for {user}.',
    ru: 'Synapse подключается к PostgreSQL без пароля: теперь он будет подключаться через 127.0.0.1 с паролем, который matrix-setup задаст для {user}.',
  },
  noteSqlite: {
    en: "The SQLite database {path} will be copied into PostgreSQL on this machine (database synapse, role synapse_user) with Synapse's own port tool; the SQLite file itself is kept as it is.",
    ru: 'База данных SQLite {path} будет перенесена в PostgreSQL на этой машине (база synapse, роль synapse_user) собственным инструментом переноса Synapse; сам файл SQLite остаётся как есть.',
  },
  noteOpenRegistration: {
    en: 'Registration is open: matrix-setup keeps it open with a verified email address required.',
    ru: 'Регистрация открыта: matrix-setup оставляет её открытой, но с обязательным подтверждением адреса почты.',
  },
  noteUploadSize: {
    en: 'max_upload_size {value} is not a size the answers can hold: answered 50M.',
    ru: 'max_upload_size {value} нельзя записать в ответы как размер: ответ 50M.',
  },
});
