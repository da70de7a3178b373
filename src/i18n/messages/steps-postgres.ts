/** PostgreSQL: the server, password logins, the role and database, and the check Synapse's connection passes. */
import { defineMessages } from '../define.js';

export const postgresText = defineMessages('steps-postgres', {
  // Server
  serverTitle: { en: 'PostgreSQL server', ru: 'Сервер PostgreSQL' },
  externalDatabase: { en: 'the database is external ({host}:{port})', ru: 'база данных внешняя ({host}:{port})' },
  createDataDirectory: { en: 'Create the PostgreSQL data directory', ru: 'Создать каталог данных PostgreSQL' },
  resetModule: { en: 'Reset the postgresql module (another stream may be selected)', ru: 'Сбросить модуль postgresql (может быть выбран другой поток)' },
  enableStream: { en: 'Enable the {stream} module stream', ru: 'Включить поток модулей {stream}' },
  olderServerTask: { en: 'Check that no PostgreSQL older than {major} is installed', ru: 'Проверить, что не установлен PostgreSQL старше {major}' },
  readOnly: { en: 'read-only', ru: 'только чтение' },
  olderServer: {
    en: 'PostgreSQL {version} is installed here; Synapse needs {major} or later.',
    ru: 'Здесь установлен PostgreSQL {version}; Synapse нужен {major} или новее.',
  },
  olderServerHint: {
    en: 'Upgrade it first (dnf module switch-to postgresql:16, then postgresql-setup --upgrade; see the RHEL PostgreSQL docs), or use an external database (database.mode: external). Nothing was changed.',
    ru: 'Сначала обновите его (dnf module switch-to postgresql:16, затем postgresql-setup --upgrade; см. документацию RHEL по PostgreSQL) или используйте внешнюю базу данных (database.mode: external). Ничего не изменено.',
  },
  notAccepting: {
    en: 'PostgreSQL does not accept connections on port {port} (waited {seconds} s).',
    ru: 'PostgreSQL не принимает подключения на порту {port} (ожидание {seconds} с).',
  },
  notAcceptingDebianHint: {
    en: 'See `pg_lsclusters` and `journalctl -u postgresql@{version}-main -n 50`. If no cluster exists, create one with `pg_createcluster {version} main --start`, then resume.',
    ru: 'Смотрите `pg_lsclusters` и `journalctl -u postgresql@{version}-main -n 50`. Если кластера нет, создайте его командой `pg_createcluster {version} main --start` и продолжите.',
  },
  notAcceptingRhelHint: { en: 'See `journalctl -u postgresql -n 50`, then resume.', ru: 'Смотрите `journalctl -u postgresql -n 50` и продолжите.' },

  // Password logins
  authTitle: { en: 'PostgreSQL password logins', ru: 'Вход в PostgreSQL по паролю' },
  externalAuth: { en: 'the database is external: its server decides how logins work', ru: 'база данных внешняя: способ входа определяет её сервер' },
  authTask: { en: 'Use scram-sha-256 for {user} on 127.0.0.1 and ::1 in {path}', ru: 'Использовать scram-sha-256 для {user} на 127.0.0.1 и ::1 в {path}' },
  whenHbaFile: { en: 'read-only: where the running server reads pg_hba.conf from', ru: 'только чтение: откуда работающий сервер читает pg_hba.conf' },
  whenReload: {
    en: 'after rewriting ident lines to scram-sha-256 (the file is backed up first)',
    ru: 'после замены строк ident на scram-sha-256 (сначала делается резервная копия файла)',
  },
  whenHbaErrors: { en: 'after the reload: a file the server rejects is put back', ru: 'после перечитывания: файл, который сервер не принял, возвращается обратно' },
  hbaUnreadable: { en: 'Cannot read {path}, the pg_hba.conf the server uses: {error}', ru: 'Не удалось прочитать {path}, файл pg_hba.conf, который использует сервер: {error}' },
  hbaMissing: { en: '{path}, the pg_hba.conf the server reports, does not exist.', ru: '{path}, файл pg_hba.conf, о котором сообщает сервер, не существует.' },
  hbaMissingHint: { en: 'Check the cluster (`SHOW hba_file;`) and resume.', ru: 'Проверьте кластер (`SHOW hba_file;`) и продолжите.' },
  hbaProblem: { en: '{path}: {problem}', ru: '{path}: {problem}' },
  hbaBlockerHint: {
    en: 'Change that line\'s method to scram-sha-256 (or put a line "host {name} {user} 127.0.0.1/32 scram-sha-256" before it), reload PostgreSQL, and resume.',
    ru: 'Замените метод в этой строке на scram-sha-256 (или поставьте перед ней строку "host {name} {user} 127.0.0.1/32 scram-sha-256"), перечитайте конфигурацию PostgreSQL и продолжите.',
  },
  hbaRejected: {
    en: 'PostgreSQL rejected the rewritten {path} (line {line}); the previous file is back in place.',
    ru: 'PostgreSQL не принял изменённый {path} (строка {line}); прежний файл возвращён на место.',
  },
  hbaRejectedHint: { en: 'Compare {path} with {backup} and fix the line by hand, then resume.', ru: 'Сравните {path} с {backup}, исправьте строку вручную и продолжите.' },
  hbaRewritten: {
    en: '{path}: {changes} (previous file kept as {backup}); PostgreSQL reloaded.',
    ru: '{path}: {changes} (прежний файл сохранён как {backup}); конфигурация PostgreSQL перечитана.',
  },
  hbaLine: { en: 'line {number}', ru: 'строка {number}' },
  hbaMayApplyIdent: {
    en: '{where} ("{line}") may apply to {user}@{address} and uses ident, which Synapse cannot log in with.',
    ru: '{where} ("{line}") может относиться к {user}@{address} и использует ident, с которым Synapse войти не сможет.',
  },
  hbaIdentRewritten: { en: '{where}: ident -> scram-sha-256', ru: '{where}: ident -> scram-sha-256' },
  hbaRejects: { en: '{where} ("{line}") rejects {user} connecting from {address}.', ru: '{where} ("{line}") запрещает {user} подключаться с {address}.' },
  hbaTrust: {
    en: '{where} lets anyone on this machine connect from {address} without a password (trust).',
    ru: '{where} позволяет любому на этой машине подключаться с {address} без пароля (trust).',
  },
  hbaOtherMethod: { en: '{where} uses {method} for {address}; Synapse logs in with a password.', ru: '{where} использует {method} для {address}; Synapse входит по паролю.' },
  hbaAdded: { en: 'added "{entry}"', ru: 'добавлено "{entry}"' },

  // Role and database
  databaseTitle: { en: 'PostgreSQL role and database', ru: 'Роль и база данных PostgreSQL' },
  databaseMustExist: {
    en: 'the database must already exist (no admin credentials in the answers to create it); postgres-verify checks it',
    ru: 'база данных должна уже существовать (в ответах нет учётных данных администратора, чтобы её создать); её проверяет postgres-verify',
  },
  databaseTask: { en: 'Role {user} and database {name} (UTF8, C, C, owned by {user})', ru: 'Роль {user} и база данных {name} (UTF8, C, C, владелец {user})' },
  whenClusterState: { en: 'read-only: the role, the database and its locale and owner', ru: 'только чтение: роль, база данных, её локаль и владелец' },
  whenRolePassword: {
    en: 'read-only, when the role exists: whether its password is the one to use',
    ru: 'только чтение, если роль есть: тот ли у неё пароль',
  },
  whenContents: { en: 'read-only, when the database exists: whose data it holds', ru: 'только чтение, если база данных есть: чьи данные в ней хранятся' },
  whenChanges: {
    en: 'the statements needed: the role is missing, cannot log in or has another password; the database is missing',
    ru: 'нужные команды: роли нет, ей нельзя входить или у неё другой пароль; базы данных нет',
  },
  createdRole: { en: 'created the role {user}', ru: 'создана роль {user}' },
  allowedLogin: { en: 'allowed {user} to log in', ru: 'роли {user} разрешён вход' },
  setPassword: {
    en: 'set the password of the existing role {user} to the one matrix-setup keeps',
    ru: 'пароль существующей роли {user} заменён на тот, что хранит matrix-setup',
  },
  createdDatabase: { en: 'created the database {name} (UTF8, C, C)', ru: 'создана база данных {name} (UTF8, C, C)' },
  otherOwner: {
    en: 'The database "{name}" already exists and belongs to the role "{owner}", not to "{user}".',
    ru: 'База данных "{name}" уже существует и принадлежит роли "{owner}", а не "{user}".',
  },
  otherOwnerHint: {
    en: 'If it is meant for this Synapse, hand it over yourself (ALTER DATABASE "{name}" OWNER TO "{user}";) and resume; otherwise choose another database name (database.name in the answers). Nothing was changed.',
    ru: 'Если она предназначена для этого Synapse, передайте её сами (ALTER DATABASE "{name}" OWNER TO "{user}";) и продолжите; иначе выберите другое имя базы данных (database.name в ответах). Ничего не изменено.',
  },
  psqlLocalHint: {
    en: 'Is PostgreSQL running on port {port}? Check `systemctl status postgresql` and `journalctl -u postgresql -n 50`.',
    ru: 'Работает ли PostgreSQL на порту {port}? Проверьте `systemctl status postgresql` и `journalctl -u postgresql -n 50`.',
  },
  psqlExternalHint: {
    en: 'Check that {host}:{port} is reachable, the admin credentials in the answers, and database.sslmode.',
    ru: 'Проверьте, что {host}:{port} доступен, а также учётные данные администратора в ответах и database.sslmode.',
  },

  // Verification
  verifyTitle: { en: 'Check the database as Synapse will use it', ru: 'Проверка базы данных так, как её будет использовать Synapse' },
  verifyTask: {
    en: "Log in as {user} to {name} at {endpoint} (sslmode {sslmode}) and check: PostgreSQL >= {major}, UTF8 with LC_COLLATE and LC_CTYPE 'C', tables can be created, no data of a server other than {server}",
    ru: "Войти как {user} в {name} на {endpoint} (sslmode {sslmode}) и проверить: PostgreSQL >= {major}, UTF8 с LC_COLLATE и LC_CTYPE 'C', можно создавать таблицы, нет данных сервера, отличного от {server}",
  },
  verified: {
    en: 'PostgreSQL {version}: database {name} is UTF8/C/C and {user} can create tables.',
    ru: 'PostgreSQL {version}: база данных {name} в UTF8/C/C, и {user} может создавать таблицы.',
  },
  tooOld: { en: 'PostgreSQL {version} is too old: Synapse needs {major} or later.', ru: 'PostgreSQL {version} слишком старый: Synapse нужен {major} или новее.' },
  tooOldHint: {
    en: "Upgrade the server (pg_upgrade, or your provider's major version upgrade), then resume.",
    ru: 'Обновите сервер (pg_upgrade или обновление основной версии у вашего провайдера) и продолжите.',
  },
  wrongLocale: {
    en: "The database \"{name}\" cannot be used by Synapse: {wrong} (Synapse needs UTF8 with LC_COLLATE and LC_CTYPE 'C').",
    ru: "Synapse не может использовать базу данных \"{name}\": {wrong} (Synapse нужна UTF8 с LC_COLLATE и LC_CTYPE 'C').",
  },
  wrongLocaleHint: {
    en: 'These cannot be changed on an existing database, and matrix-setup never drops one. If it holds nothing you need, drop it yourself (DROP DATABASE "{name}";) and resume; otherwise choose another database name (database.name in the answers).',
    ru: 'У существующей базы данных это не изменить, а matrix-setup никогда не удаляет базы. Если в ней нет ничего нужного, удалите её сами (DROP DATABASE "{name}";) и продолжите; иначе выберите другое имя базы данных (database.name в ответах).',
  },
  cannotCreateTables: {
    en: 'The role "{user}" may not create tables in database "{name}": {error}',
    ru: 'Роли "{user}" нельзя создавать таблицы в базе данных "{name}": {error}',
  },
  cannotCreateTablesHint: {
    en: 'Make it the owner (ALTER DATABASE "{name}" OWNER TO "{user}";) or grant CREATE on the schema (GRANT CREATE ON SCHEMA public TO "{user}";).',
    ru: 'Сделайте её владельцем (ALTER DATABASE "{name}" OWNER TO "{user}";) или выдайте CREATE на схему (GRANT CREATE ON SCHEMA public TO "{user}";).',
  },
  noSchema: {
    en: 'The role "{user}" has no schema to create tables in (search_path names none that exists).',
    ru: 'У роли "{user}" нет схемы, где можно создавать таблицы (в search_path нет ни одной существующей).',
  },
  noSchemaHint: {
    en: 'Create one it may use, e.g. CREATE SCHEMA AUTHORIZATION "{user}";, or fix its search_path.',
    ru: 'Создайте доступную ей схему, например CREATE SCHEMA AUTHORIZATION "{user}";, или исправьте её search_path.',
  },
  readOnlyServer: { en: 'The database server at {host}:{port} is read-only (a standby?).', ru: 'Сервер базы данных {host}:{port} только для чтения (резервная реплика?).' },
  readOnlyServerHint: { en: 'Point database.host at the primary server.', ru: 'Укажите в database.host основной сервер.' },
  testTableFailed: { en: 'Creating a test table in "{name}" failed: {error}', ru: 'Не удалось создать тестовую таблицу в "{name}": {error}' },
  otherServer: {
    en: 'The database "{name}" belongs to the Synapse server "{found}" (it holds the user {user}), not to "{server}".',
    ru: 'База данных "{name}" принадлежит серверу Synapse "{found}" (в ней есть пользователь {user}), а не "{server}".',
  },
  otherServerHint: {
    en: 'A server_name can never change. Use another database (database.name in the answers), or set server_name to "{found}" if this is that server. Nothing was changed.',
    ru: 'server_name нельзя изменить. Используйте другую базу данных (database.name в ответах) или укажите server_name "{found}", если это тот самый сервер. Ничего не изменено.',
  },
  otherTables: {
    en: { one: 'The database "{name}" already holds {count} table that are not Synapse\'s.', other: 'The database "{name}" already holds {count} tables that are not Synapse\'s.' },
    ru: {
      one: 'В базе данных "{name}" уже есть {count} таблица не от Synapse.',
      few: 'В базе данных "{name}" уже есть {count} таблицы не от Synapse.',
      many: 'В базе данных "{name}" уже есть {count} таблиц не от Synapse.',
    },
  },
  otherTablesHint: {
    en: 'It seems to belong to another application. Choose another database name (database.name in the answers). Nothing was changed.',
    ru: 'Похоже, она принадлежит другому приложению. Выберите другое имя базы данных (database.name в ответах). Ничего не изменено.',
  },
  pgName: {
    en: 'must start with a letter or _ and hold only letters, digits, _ . - (at most 63 characters)',
    ru: 'должно начинаться с буквы или _ и содержать только буквы, цифры, _ . - (не больше 63 символов)',
  },

  // Connecting
  cleartextRefused: {
    en: 'The database server at {where} asked for the password of "{user}" in cleartext; matrix-setup did not send it.',
    ru: 'Сервер базы данных {where} запросил пароль "{user}" открытым текстом; matrix-setup его не отправил.',
  },
  cleartextRefusedHint: {
    en: 'Make the server use scram-sha-256 for this role (its pg_hba.conf method, and password_encryption = scram-sha-256), then resume. If something else answers on that address, find out what.',
    ru: 'Настройте сервер на scram-sha-256 для этой роли (метод в pg_hba.conf и password_encryption = scram-sha-256) и продолжите. Если на этом адресе отвечает что-то другое, выясните, что именно.',
  },
  refused: { en: 'Nothing accepts connections at {where} (connection refused).', ru: 'На {where} никто не принимает подключения (connection refused).' },
  refusedHint: {
    en: 'Is PostgreSQL running and listening on that address and port? Check listen_addresses and port in postgresql.conf, and the host and port in the answers.',
    ru: 'Работает ли PostgreSQL и слушает ли он этот адрес и порт? Проверьте listen_addresses и port в postgresql.conf, а также хост и порт в ответах.',
  },
  unresolved: { en: 'The database host "{host}" does not resolve.', ru: 'Имя хоста базы данных "{host}" не разрешается в адрес.' },
  unresolvedHint: { en: "Check database.host in the answers and this machine's DNS.", ru: 'Проверьте database.host в ответах и DNS этой машины.' },
  timedOut: { en: 'The database server at {where} did not answer in time.', ru: 'Сервер базы данных {where} не ответил вовремя.' },
  timedOutHint: {
    en: 'A firewall or cloud security group may be dropping the connection; check that this machine may reach that port.',
    ru: 'Подключение может отбрасывать файрвол или security group в облаке; проверьте, что с этой машины есть доступ к этому порту.',
  },
  reset: { en: 'The database server at {where} closed the connection.', ru: 'Сервер базы данных {where} закрыл соединение.' },
  resetHint: {
    en: 'Check the server log; a proxy or an sslmode the server does not accept can do this.',
    ru: 'Посмотрите журнал сервера; так бывает из-за прокси или sslmode, который сервер не принимает.',
  },
  noTls: {
    en: 'The database server at {where} does not offer TLS, but database.sslmode is "{sslmode}".',
    ru: 'Сервер базы данных {where} не предлагает TLS, а database.sslmode — "{sslmode}".',
  },
  noTlsHint: {
    en: 'Enable ssl on the server, or set database.sslmode to prefer or disable if the network path is trusted.',
    ru: 'Включите ssl на сервере или, если сетевому пути можно доверять, задайте database.sslmode prefer или disable.',
  },
  badCertificate: {
    en: "The database server's TLS certificate was not accepted ({code}): {error}",
    ru: 'TLS-сертификат сервера базы данных не принят ({code}): {error}',
  },
  badCertificateFullHint: {
    en: 'verify-full needs a certificate for exactly this host name, issued by a CA this machine trusts (add private CAs to the system store), or use sslmode require.',
    ru: 'Для verify-full нужен сертификат именно на это имя хоста, выданный ЦС, которому доверяет эта машина (собственные ЦС добавьте в системное хранилище), или используйте sslmode require.',
  },
  badCertificateCaHint: {
    en: 'verify-ca needs a certificate issued by a CA this machine trusts (add private CAs to the system store), or use sslmode require.',
    ru: 'Для verify-ca нужен сертификат, выданный ЦС, которому доверяет эта машина (собственные ЦС добавьте в системное хранилище), или используйте sslmode require.',
  },
  wrongPassword: {
    en: 'Password authentication failed as "{user}" to database "{name}" at {where}.',
    ru: 'Не удалось войти по паролю под ролью "{user}" в базу данных "{name}" на {where}.',
  },
  wrongPasswordHint: {
    en: "The role's password differs from the one matrix-setup uses (database.password in the answers, or /var/lib/matrix-setup/secrets.yaml for a local database).",
    ru: 'Пароль роли отличается от того, что использует matrix-setup (database.password в ответах или /var/lib/matrix-setup/secrets.yaml для локальной базы данных).',
  },
  noHbaEntry: {
    en: 'The database server does not let "{user}" connect from this machine: {error}',
    ru: 'Сервер базы данных не разрешает "{user}" подключаться с этой машины: {error}',
  },
  noHbaEntryHint: {
    en: 'Add a line such as "host {name} {user} <this machine\'s address>/32 scram-sha-256" to pg_hba.conf and reload PostgreSQL.',
    ru: 'Добавьте в pg_hba.conf строку вида "host {name} {user} <адрес этой машины>/32 scram-sha-256" и перечитайте конфигурацию PostgreSQL.',
  },
  noHbaEntryTlsHint: {
    en: 'Add a line such as "host {name} {user} <this machine\'s address>/32 scram-sha-256" to pg_hba.conf and reload PostgreSQL. The server only accepts TLS connections: set database.sslmode to verify-full (or require).',
    ru: 'Добавьте в pg_hba.conf строку вида "host {name} {user} <адрес этой машины>/32 scram-sha-256" и перечитайте конфигурацию PostgreSQL. Сервер принимает только подключения по TLS: задайте database.sslmode verify-full (или require).',
  },
  noRole: { en: 'The role "{user}" does not exist on {where}.', ru: 'Роли "{user}" нет на {where}.' },
  noRoleHint: {
    en: 'Create it (or give admin credentials in the answers so matrix-setup creates it).',
    ru: 'Создайте её (или укажите в ответах учётные данные администратора, чтобы её создал matrix-setup).',
  },
  loginRefused: {
    en: 'The database server refused the login as "{user}" to database "{name}" at {where}: {error}',
    ru: 'Сервер базы данных отказал во входе под ролью "{user}" в базу данных "{name}" на {where}: {error}',
  },
  loginRefusedHint: { en: 'Check pg_hba.conf and the role (it needs LOGIN).', ru: 'Проверьте pg_hba.conf и роль (ей нужен LOGIN).' },
  noDatabase: { en: 'The database "{name}" does not exist on {where}.', ru: 'Базы данных "{name}" нет на {where}.' },
  noDatabaseHint: {
    en: "Create it: CREATE DATABASE \"{name}\" OWNER \"{user}\" ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;",
    ru: "Создайте её: CREATE DATABASE \"{name}\" OWNER \"{user}\" ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;",
  },
  noConnect: { en: 'The role "{user}" may not connect to database "{name}": {error}', ru: 'Роли "{user}" нельзя подключаться к базе данных "{name}": {error}' },
  noConnectHint: { en: 'Grant it: GRANT CONNECT ON DATABASE "{name}" TO "{user}";', ru: 'Выдайте право: GRANT CONNECT ON DATABASE "{name}" TO "{user}";' },
  tooManyConnections: { en: 'The database server at {where} has no free connections: {error}', ru: 'У сервера базы данных {where} нет свободных подключений: {error}' },
  tooManyConnectionsHint: {
    en: 'Raise max_connections or stop what holds the connections, then resume.',
    ru: 'Увеличьте max_connections или остановите то, что занимает подключения, и продолжите.',
  },
  startingUp: { en: 'The database server at {where} is starting up or shutting down.', ru: 'Сервер базы данных {where} запускается или останавливается.' },
  startingUpHint: { en: 'Wait a moment and resume.', ru: 'Подождите немного и продолжите.' },
  cannotConnect: {
    en: 'Cannot connect as "{user}" to database "{name}" at {where}: {error}',
    ru: 'Не удалось подключиться к базе данных "{name}" на {where} под ролью "{user}": {error}',
  },
  cannotConnectHint: {
    en: 'Check the database settings in the answers and that the server is reachable from this machine.',
    ru: 'Проверьте настройки базы данных в ответах и доступность сервера с этой машины.',
  },
});
