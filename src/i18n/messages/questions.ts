/** The wizard's questions: section titles, the questions, their help, choices and placeholders. */
import { defineMessages } from '../define.js';

export const questionText = defineMessages('questions', {
  // Sections
  groupNames: { en: 'Names', ru: 'Имена' },
  groupFederation: { en: 'Federation', ru: 'Федерация' },
  groupTls: { en: 'Certificate', ru: 'Сертификат' },
  groupDatabase: { en: 'Database', ru: 'База данных' },
  groupSynapse: { en: 'Synapse', ru: 'Synapse' },
  groupEmail: { en: 'Email', ru: 'Почта' },
  groupAccounts: { en: 'Accounts', ru: 'Учётные записи' },
  groupCalls: { en: 'Calls (TURN)', ru: 'Звонки (TURN)' },
  groupElement: { en: 'Element Web', ru: 'Element Web' },
  groupUploads: { en: 'Uploads', ru: 'Загрузки' },
  groupAdvanced: { en: 'Advanced', ru: 'Дополнительно' },

  example: { en: 'e.g. {value}', ru: 'например, {value}' },

  // Names
  serverNameTitle: { en: 'Your Matrix domain (server_name)', ru: 'Ваш домен Matrix (server_name)' },
  serverNameHelp: {
    en: 'It is the part after the colon in every user ID: @alice:example.org. It is permanent: it can never be changed once the server has started.',
    ru: 'Это часть после двоеточия в каждом идентификаторе пользователя: @alice:example.org. Выбирается навсегда: после первого запуска сервера изменить его нельзя.',
  },
  synapseHostTitle: { en: 'Host name that serves Synapse', ru: 'Имя хоста, на котором работает Synapse' },
  synapseHostDelegated: {
    en: 'It differs from {name}, so clients and servers find it through delegation: small /.well-known files on https://{name} point them to {host}. This keeps a website on {name} free.',
    ru: 'Оно отличается от {name}, поэтому клиенты и серверы найдут его через делегирование: небольшие файлы /.well-known на https://{name} укажут им на {host}. Так {name} остаётся свободным для сайта.',
  },
  synapseHostSame: {
    en: 'Usually {name} itself, or a subdomain such as matrix.{name} when {name} already hosts a website elsewhere.',
    ru: 'Обычно это сам {name} или поддомен, например matrix.{name}, если сайт {name} уже размещён на другом сервере.',
  },
  delegationTitle: { en: 'Who serves the delegation files?', ru: 'Кто отдаёт файлы делегирования?' },
  delegationHelp: {
    en: 'Clients and servers look up https://{name}/.well-known/matrix/* to find {host}. This machine can serve them if {name} points here; otherwise the web server of {name} must.',
    ru: 'Клиенты и серверы запрашивают https://{name}/.well-known/matrix/*, чтобы найти {host}. Эта машина может отдавать эти файлы, если {name} указывает сюда; иначе их должен отдавать веб-сервер {name}.',
  },

  // Federation
  federationTitle: { en: 'Federate with other Matrix servers?', ru: 'Включить федерацию с другими серверами Matrix?' },
  federationHelp: {
    en: 'Federation lets your users talk to people on matrix.org and every other server. Without it the server is private and closed.',
    ru: 'Федерация позволяет вашим пользователям общаться с людьми на matrix.org и любых других серверах. Без неё сервер закрытый: только для своих.',
  },
  federationYes: {
    en: 'talk to the whole Matrix network (needs port 8448 or delegation)',
    ru: 'общение со всей сетью Matrix (нужен порт 8448 или делегирование)',
  },
  federationNo: { en: 'a private server: only its own users', ru: 'закрытый сервер: только его собственные пользователи' },

  // Certificate
  tlsModeTitle: { en: 'Where does the HTTPS certificate come from?', ru: 'Откуда взять сертификат HTTPS?' },
  tlsModeHelp: {
    en: "Let's Encrypt needs ports 80 and 443 reachable and DNS pointing here. Self-signed is only for trials.",
    ru: "Для Let's Encrypt порты 80 и 443 должны быть доступны из интернета, а DNS должен указывать сюда. Самоподписанный — только для проб.",
  },
  tlsLetsEncrypt: { en: "Let's Encrypt", ru: "Let's Encrypt" },
  tlsExisting: { en: 'Existing certificate', ru: 'Имеющийся сертификат' },
  tlsSelfSigned: { en: 'Self-signed', ru: 'Самоподписанный' },
  tlsEmailTitle: { en: "Email address for Let's Encrypt", ru: "Адрес электронной почты для Let's Encrypt" },
  tlsEmailHelp: {
    en: 'Expiry and security notices about the certificate go there, so use a mailbox someone reads. It is not published.',
    ru: 'Сюда приходят уведомления об истечении срока и о безопасности сертификата, поэтому укажите ящик, который кто-то читает. Адрес не публикуется.',
  },
  tlsCertTitle: { en: 'Certificate file (full chain, PEM)', ru: 'Файл сертификата (полная цепочка, PEM)' },
  tlsKeyTitle: { en: 'Private key file (PEM)', ru: 'Файл закрытого ключа (PEM)' },

  // Database
  databaseModeTitle: { en: 'Where should the PostgreSQL database run?', ru: 'Где будет работать база данных PostgreSQL?' },
  databaseModeHelp: {
    en: 'Synapse keeps everything in PostgreSQL. A local one is installed and set up for you; an existing server is tested before the install starts.',
    ru: 'Synapse хранит всё в PostgreSQL. Локальный сервер будет установлен и настроен автоматически; подключение к имеющемуся серверу проверяется до начала установки.',
  },
  databaseLocal: { en: 'On this machine', ru: 'На этой машине' },
  databaseExternal: { en: 'An existing server', ru: 'На имеющемся сервере' },
  databaseHostTitle: { en: 'Database server host', ru: 'Хост сервера базы данных' },
  databasePortTitle: { en: 'Database server port', ru: 'Порт сервера базы данных' },
  databaseSslTitle: { en: 'TLS for the database connection', ru: 'TLS для подключения к базе данных' },
  databaseNameTitle: { en: 'Database name', ru: 'Имя базы данных' },
  databaseUserTitle: { en: 'Role Synapse connects as', ru: 'Роль, под которой подключается Synapse' },
  databasePasswordTitle: { en: "File holding that role's password", ru: 'Файл с паролем этой роли' },
  databasePasswordHelp: {
    en: 'The answers file only refers to secrets: put the password in a file readable by root (first line) and give its path.',
    ru: 'Файл ответов только ссылается на секреты: запишите пароль в первую строку файла, доступного для чтения только root, и укажите путь к нему.',
  },
  databaseAdminTitle: {
    en: 'Administrator role to create the role and database (optional)',
    ru: 'Роль администратора для создания роли и базы данных (необязательно)',
  },
  databaseAdminPlaceholder: { en: 'empty: the role and database exist', ru: 'пусто: роль и база данных уже существуют' },
  databaseAdminPasswordTitle: { en: "File holding the administrator's password", ru: 'Файл с паролем администратора' },
  databaseTestTitle: { en: 'Testing the database connection', ru: 'Проверка подключения к базе данных' },
  databaseTestHelp: {
    en: 'Connecting with these answers, as Synapse will: version, encoding and collation, and the right to create tables.',
    ru: 'Подключение с этими ответами, как это будет делать Synapse: версия, кодировка и правило сортировки, право создавать таблицы.',
  },
  databaseRoleTitle: { en: 'Database role', ru: 'Роль базы данных' },

  // Synapse
  synapseInstallTitle: { en: 'How should Synapse be installed?', ru: 'Как установить Synapse?' },
  synapseInstallHelp: {
    en: 'Only the methods that work on {system} are listed. Packages update with the system; a virtualenv pins an exact version.',
    ru: 'Показаны только способы, которые работают на {system}. Пакеты обновляются вместе с системой; виртуальное окружение закрепляет точную версию.',
  },
  thisSystem: { en: 'this system', ru: 'этой системе' },
  sourceApt: { en: 'matrix.org APT repository', ru: 'APT-репозиторий matrix.org' },
  sourceDistro: { en: "Distribution's own package", ru: 'Пакет самого дистрибутива' },
  sourceVenv: { en: 'Python virtualenv', ru: 'Виртуальное окружение Python' },
  recommendedSource: { en: 'Recommended: {source}', ru: 'Рекомендуется: {source}' },
  recommendedHere: { en: 'Recommended for this system', ru: 'Рекомендуется для этой системы' },
  autoHint: { en: 'the best method that works on this system (saved as "auto")', ru: 'лучший способ, который работает на этой системе (сохраняется как "auto")' },

  // Email
  emailTitle: { en: 'Send email notifications and password resets?', ru: 'Отправлять уведомления и письма для сброса пароля?' },
  emailHelp: {
    en: 'Synapse then mails people about messages they missed and lets them reset a forgotten password. Needs an SMTP server you can send through; open registration needs it to verify addresses.',
    ru: 'Тогда Synapse сообщает людям по почте о пропущенных сообщениях и позволяет сбросить забытый пароль. Нужен SMTP-сервер, через который можно отправлять почту; открытой регистрации он нужен для подтверждения адресов.',
  },
  emailWarning: {
    en: 'Notification emails can contain the text of messages from unencrypted rooms. They leave your server through the mail provider and stay in mailboxes.',
    ru: 'Письма-уведомления могут содержать текст сообщений из незашифрованных комнат. Они покидают ваш сервер через почтового провайдера и остаются в почтовых ящиках.',
  },
  emailYes: { en: 'configure an SMTP server', ru: 'настроить SMTP-сервер' },
  emailNo: { en: 'no outgoing email', ru: 'без исходящей почты' },
  smtpHostTitle: { en: 'SMTP server', ru: 'SMTP-сервер' },
  smtpTlsTitle: { en: 'Encryption of the SMTP connection', ru: 'Шифрование подключения к SMTP' },
  smtpTlsNone: { en: 'None', ru: 'Нет' },
  smtpPortTitle: { en: 'SMTP port', ru: 'Порт SMTP' },
  smtpPortHelp: { en: 'The usual port for the encryption chosen is filled in.', ru: 'Подставлен обычный порт для выбранного шифрования.' },
  smtpUserTitle: { en: 'SMTP login (optional)', ru: 'Логин SMTP (необязательно)' },
  smtpUserHelp: {
    en: 'The user name the SMTP server expects. Leave empty for a relay that needs no login.',
    ru: 'Имя пользователя, которое ожидает SMTP-сервер. Оставьте пустым для ретранслятора, которому не нужен вход.',
  },
  smtpUserPlaceholder: { en: 'empty: no login', ru: 'пусто: без входа' },
  smtpPasswordFromTitle: { en: 'Where should the SMTP password be read from?', ru: 'Откуда брать пароль SMTP?' },
  smtpPasswordFromHelp: {
    en: 'The answers file never holds the password itself, only where to find it when matrix-setup runs.',
    ru: 'Файл ответов никогда не содержит сам пароль, только то, где его найти при запуске matrix-setup.',
  },
  passwordFromFile: { en: 'A file', ru: 'Из файла' },
  passwordFromFileHint: { en: 'its first line is the password; keep it readable by root only', ru: 'пароль — его первая строка; файл должен быть доступен для чтения только root' },
  passwordFromEnv: { en: 'An environment variable', ru: 'Из переменной окружения' },
  passwordFromEnvHint: { en: 'set it each time matrix-setup runs', ru: 'задавайте её при каждом запуске matrix-setup' },
  smtpPasswordFileTitle: { en: 'File holding the SMTP password', ru: 'Файл с паролем SMTP' },
  smtpPasswordFileHelp: { en: 'An absolute path. Type the path of the file, not the password.', ru: 'Абсолютный путь. Введите путь к файлу, а не сам пароль.' },
  smtpPasswordEnvTitle: { en: 'Environment variable holding the SMTP password', ru: 'Переменная окружения с паролем SMTP' },
  smtpPasswordEnvHelp: { en: 'Its name, such as SMTP_PASSWORD, not the password.', ru: 'Её имя, например SMTP_PASSWORD, а не сам пароль.' },
  notifFromTitle: { en: 'Sender of the mails', ru: 'Отправитель писем' },
  notifFromHelp: { en: 'A name and address your SMTP server may send as.', ru: 'Имя и адрес, от которых ваш SMTP-сервер разрешает отправлять письма.' },

  // Accounts
  adminTitle: { en: 'Create an administrator account?', ru: 'Создать учётную запись администратора?' },
  adminHelp: {
    en: 'The admin can create users and moderate the server. It is skipped if the account already exists.',
    ru: 'Администратор может создавать пользователей и модерировать сервер. Если такая учётная запись уже есть, этот шаг пропускается.',
  },
  adminYes: { en: 'create it now', ru: 'создать сейчас' },
  adminNo: { en: 'no admin account', ru: 'без учётной записи администратора' },
  adminUserTitle: { en: 'Admin user name', ru: 'Имя пользователя администратора' },
  adminUserHelp: { en: 'The account will be @{user}:{server}.', ru: 'Учётная запись будет @{user}:{server}.' },
  adminPasswordTitle: { en: 'File holding the admin password (optional)', ru: 'Файл с паролем администратора (необязательно)' },
  adminPasswordHelp: {
    en: 'Leave empty to have a strong password generated: it is shown once at the end and kept in a root-only file.',
    ru: 'Оставьте пустым, и будет сгенерирован надёжный пароль: он будет показан один раз в конце и сохранён в файле, доступном только root.',
  },
  adminPasswordPlaceholder: { en: 'empty: generate one', ru: 'пусто: сгенерировать' },
  registrationTitle: { en: 'Who may create an account?', ru: 'Кто может создавать учётные записи?' },
  registrationHelp: { en: 'You can change this later in the Synapse configuration.', ru: 'Это можно изменить позже в конфигурации Synapse.' },
  registrationHelpNoEmail: {
    en: 'You can change this later in the Synapse configuration. Anyone registering needs email, which is off.',
    ru: 'Это можно изменить позже в конфигурации Synapse. Открытой регистрации нужна почта, а она выключена.',
  },
  registrationDisabled: { en: 'Only the admin', ru: 'Только администратор' },
  registrationToken: { en: 'People with a token', ru: 'Люди с токеном' },
  registrationOpen: { en: 'Anyone', ru: 'Кто угодно' },
  registrationOpenHint: { en: 'anyone can register; they verify an email address', ru: 'зарегистрироваться может любой, подтвердив адрес почты' },
  tokenUsesTitle: { en: 'How many accounts may the first registration token create?', ru: 'Сколько учётных записей можно создать по первому токену регистрации?' },
  tokenUsesHelp: {
    en: 'The token is shown once when the install ends. Make more tokens later with the admin API.',
    ru: 'Токен будет показан один раз в конце установки. Новые токены можно создать позже через admin API.',
  },
  tokenDaysTitle: { en: 'For how many days is the first registration token valid?', ru: 'Сколько дней действует первый токен регистрации?' },
  tokenDaysHelp: {
    en: 'After that, nobody can register with it, even if it has uses left.',
    ru: 'После этого зарегистрироваться с ним нельзя, даже если лимит учётных записей не исчерпан.',
  },

  // Calls
  turnTitle: { en: 'Set up a TURN server for voice and video calls?', ru: 'Установить сервер TURN для голосовых и видеозвонков?' },
  turnHelp: {
    en: 'Calls between people behind home routers or mobile networks often only connect through a relay. coturn is installed here and Synapse gives clients short-lived logins for it.',
    ru: 'Звонки между людьми за домашними роутерами или в мобильных сетях часто соединяются только через ретранслятор. Здесь будет установлен coturn, а Synapse будет выдавать клиентам временные учётные данные для него.',
  },
  turnYes: { en: 'install coturn (ports 3478 and 5349, and a UDP relay range)', ru: 'установить coturn (порты 3478 и 5349 и диапазон UDP-портов для ретрансляции)' },
  turnNo: { en: 'calls may fail between networks', ru: 'звонки между разными сетями могут не проходить' },
  externalIpTitle: { en: 'Public IP address of this machine (optional)', ru: 'Внешний IP-адрес этой машины (необязательно)' },
  externalIpHelp: {
    en: 'Only needed behind NAT, when the public address is not on any interface of this machine (as on AWS or Google Cloud); otherwise leave it empty and it is detected.',
    ru: 'Нужен только за NAT, когда внешнего адреса нет ни на одном интерфейсе этой машины (как в AWS или Google Cloud); иначе оставьте пустым, и он будет определён автоматически.',
  },
  externalIpPlaceholder: { en: 'empty: detect it', ru: 'пусто: определить автоматически' },
  privateIpTitle: {
    en: 'Private IP address the public one is forwarded to (optional)',
    ru: 'Внутренний IP-адрес, на который перенаправляется внешний (необязательно)',
  },
  privateIpHelp: {
    en: 'The address of this machine on its private network, behind the NAT. coturn pairs it with the public address.',
    ru: 'Адрес этой машины во внутренней сети за NAT. coturn сопоставляет его с внешним адресом.',
  },
  privateIpPlaceholder: { en: 'e.g. 10.0.0.5, empty: none', ru: 'например, 10.0.0.5; пусто: нет' },

  // Element
  elementTitle: { en: 'Install Element Web, the browser client?', ru: 'Установить Element Web, клиент для браузера?' },
  elementHelp: {
    en: 'Your users can then chat from a browser at its own address. Any other Matrix client works too.',
    ru: 'Тогда ваши пользователи смогут общаться из браузера по отдельному адресу. Любой другой клиент Matrix тоже подойдёт.',
  },
  elementYes: { en: 'serve Element Web from this machine', ru: 'раздавать Element Web с этой машины' },
  elementNo: { en: 'clients only (Element apps, others)', ru: 'только приложения-клиенты (Element и другие)' },
  elementHostTitle: { en: 'Host name for Element Web', ru: 'Имя хоста для Element Web' },

  // Uploads
  uploadTitle: { en: 'Largest file users can upload', ru: 'Наибольший размер файла для загрузки' },
  uploadHelp: {
    en: "Such as 50M or 1G. Uploaded media is kept on this machine's disk, so mind the space.",
    ru: 'Например, 50M или 1G. Загруженные файлы хранятся на диске этой машины, так что следите за свободным местом.',
  },

  // Advanced
  advancedTitle: { en: 'Change the advanced settings?', ru: 'Изменить дополнительные настройки?' },
  advancedHelp: {
    en: 'Versions, the ACME server, database names, presence, link previews, statistics, cache size, open files, the TURN port range, the firewall and automatic updates. The defaults suit most servers.',
    ru: 'Версии, сервер ACME, имена в базе данных, статус присутствия, предпросмотр ссылок, статистика, размер кеша, лимит открытых файлов, диапазон портов TURN, файрвол и автоматические обновления. Значения по умолчанию подходят большинству серверов.',
  },
  advancedYes: { en: 'go through them one by one', ru: 'пройти по ним по очереди' },
  advancedNo: { en: 'keep the defaults (recommended)', ru: 'оставить значения по умолчанию (рекомендуется)' },
  acmeDirectoryTitle: { en: 'ACME directory', ru: 'Каталог ACME' },
  acmeCaTitle: { en: 'CA bundle of the ACME server (optional)', ru: 'Набор сертификатов ЦС сервера ACME (необязательно)' },
  acmeCaHelp: {
    en: "For an ACME server with a private CA (step-ca, a company CA, a test server): the PEM file certbot trusts for its HTTPS. Leave empty when the system's CAs are enough.",
    ru: 'Для сервера ACME с собственным центром сертификации (step-ca, корпоративный ЦС, тестовый сервер): PEM-файл, которому certbot будет доверять при подключении по HTTPS. Оставьте пустым, если хватает системных ЦС.',
  },
  acmeCaPlaceholder: { en: "empty: the system's CAs", ru: 'пусто: системные ЦС' },
  synapseVersionTitle: { en: 'Synapse version', ru: 'Версия Synapse' },
  presenceTitle: { en: 'Share online status (presence)?', ru: 'Показывать статус «в сети» (presence)?' },
  presenceYes: { en: 'users see who is online', ru: 'пользователи видят, кто в сети' },
  presenceNo: { en: 'saves CPU on busy servers', ru: 'экономит процессор на нагруженных серверах' },
  previewsTitle: { en: 'Show link previews?', ru: 'Показывать предпросмотр ссылок?' },
  previewsYes: { en: 'the server fetches posted links', ru: 'сервер загружает опубликованные ссылки' },
  previewsNo: { en: "no requests on users' behalf", ru: 'никаких запросов от имени пользователей' },
  statsTitle: { en: 'Send anonymous usage statistics to matrix.org?', ru: 'Отправлять анонимную статистику использования на matrix.org?' },
  statsYes: { en: 'helps the Synapse developers', ru: 'помогает разработчикам Synapse' },
  statsNo: { en: 'send nothing', ru: 'ничего не отправлять' },
  cacheTitle: { en: 'Cache size factor of Synapse (optional)', ru: 'Коэффициент размера кеша Synapse (необязательно)' },
  cacheHelp: {
    en: "Synapse's caches grow with this factor (SYNAPSE_CACHE_FACTOR). Leave empty for Synapse's default of 0.5; raise it, such as to 2, when RAM is to spare.",
    ru: 'Кеши Synapse растут пропорционально этому коэффициенту (SYNAPSE_CACHE_FACTOR). Оставьте пустым для значения Synapse по умолчанию (0.5); увеличьте, например до 2, если памяти достаточно.',
  },
  cachePlaceholder: { en: 'empty: 0.5', ru: 'пусто: 0.5' },
  openFilesTitle: { en: 'Open file limit of Synapse', ru: 'Лимит открытых файлов Synapse' },
  elementVersionTitle: { en: 'Element Web version', ru: 'Версия Element Web' },
  turnMinPortTitle: { en: 'First UDP port of the TURN relay range', ru: 'Первый UDP-порт диапазона ретрансляции TURN' },
  turnMaxPortTitle: { en: 'Last UDP port of the TURN relay range', ru: 'Последний UDP-порт диапазона ретрансляции TURN' },
  turnMaxPortHelp: {
    en: 'Each call uses a few ports of the range; it is opened in the firewall.',
    ru: 'Каждый звонок занимает несколько портов из диапазона; диапазон открывается в файрволе.',
  },
  firewallTitle: { en: 'Open the ports in the firewall?', ru: 'Открыть порты в файрволе?' },
  firewallHelp: { en: 'Ports {ports} must be reachable from the internet.', ru: 'Порты {ports} должны быть доступны из интернета.' },
  theTurnPorts: { en: 'the TURN ports', ru: 'порты TURN' },
  firewallAuto: { en: 'Yes, if one is active', ru: 'Да, если файрвол включён' },
  firewallSkip: { en: 'No, leave it alone', ru: 'Нет, не трогать' },
  updatesTitle: { en: 'Turn on automatic security updates?', ru: 'Включить автоматические обновления безопасности?' },
  updatesYes: { en: 'unattended-upgrades or dnf-automatic', ru: 'unattended-upgrades или dnf-automatic' },
  updatesNo: { en: 'update by hand', ru: 'обновлять вручную' },
});
