/**
 * What is wrong with an answer: the answers file's validation (with key path, line and column)
 * and the wizard's inline checks say the same words. Key names and values stay as written.
 */
import { defineMessages } from '../define.js';

export const answerText = defineMessages('answers', {
  // Reading the file
  notFound: { en: 'Answers file not found: {path}', ru: 'Файл ответов не найден: {path}' },
  notFoundHint: {
    en: 'Check the path. To answer the questions interactively instead, run matrix-setup without --answers.',
    ru: 'Проверьте путь. Чтобы ответить на вопросы в диалоге, запустите matrix-setup без --answers.',
  },
  isDirectory: { en: 'The answers file is a directory: {path}', ru: 'Файл ответов — это каталог: {path}' },
  isDirectoryHint: { en: 'Pass the path of a YAML file.', ru: 'Укажите путь к YAML-файлу.' },
  unreadable: { en: 'Cannot read the answers file {path} ({error})', ru: 'Не удалось прочитать файл ответов {path} ({error})' },
  unreadableHint: { en: 'Check its permissions; matrix-setup runs as root.', ru: 'Проверьте права доступа; matrix-setup работает от root.' },
  tooLarge: {
    en: 'The answers file {path} is {bytes} bytes; an answers file is a short YAML file.',
    ru: 'Файл ответов {path} слишком велик ({bytes} Б): файл ответов — это короткий YAML-файл.',
  },
  notText: { en: 'The answers file {path} is not a text file.', ru: 'Файл ответов {path} — не текстовый файл.' },
  checkPath: { en: 'Check the path.', ru: 'Проверьте путь.' },
  yamlSyntax: { en: 'YAML syntax: {error}', ru: 'Синтаксис YAML: {error}' },
  empty: {
    en: 'the answers file is empty; it needs at least `version: 1` and `server_name: <your domain>`',
    ru: 'файл ответов пуст; в нём должны быть хотя бы `version: 1` и `server_name: <ваш домен>`',
  },
  fileNotMapping: {
    en: 'the answers file must be a mapping of keys to values (key: value), starting with `version: 1`',
    ru: 'файл ответов должен быть набором пар «ключ: значение» и начинаться с `version: 1`',
  },
  plainKeys: { en: 'keys must be plain names', ru: 'ключи должны быть простыми именами' },
  unknownKey: { en: 'unknown key', ru: 'неизвестный ключ' },
  unknownKeyIn: { en: 'unknown key in {section}; {name} belongs elsewhere', ru: 'неизвестный ключ в {section}; {name} находится в другом месте' },
  unknownKeyTop: { en: 'unknown key at the top level; {name} belongs elsewhere', ru: 'неизвестный ключ на верхнем уровне; {name} находится в другом месте' },
  unknownKeyInSections: {
    en: 'unknown key in {section}; {name} belongs in a section: {sections}',
    ru: 'неизвестный ключ в {section}; {name} относится к разделу: {sections}',
  },
  unknownKeyTopSections: {
    en: 'unknown key at the top level; {name} belongs in a section: {sections}',
    ru: 'неизвестный ключ на верхнем уровне; {name} относится к разделу: {sections}',
  },
  sectionAccepts: { en: 'unknown key; {section} accepts: {keys}', ru: 'неизвестный ключ; {section} допускает: {keys}' },
  topAccepts: { en: 'unknown key; the top level accepts: {keys}', ru: 'неизвестный ключ; на верхнем уровне допустимы: {keys}' },
  mapping: { en: 'must be a mapping with the keys {keys}', ru: 'должен быть разделом с ключами {keys}' },
  mappingHinted: { en: 'must be a mapping with the keys {keys}; {hint}', ru: 'должен быть разделом с ключами {keys}; {hint}' },
  bothForms: { en: 'give either {key}_file or {key}_env, not both', ru: 'укажите либо {key}_file, либо {key}_env, но не оба' },
  inlineSecret: {
    en: 'secrets are never written into the answers file. Give a reference instead: {key}_file: /path/to/file (the first line of the file is the secret, keep it 0600) or {key}_env: VARIABLE_NAME (an environment variable of the run)',
    ru: 'секреты никогда не записываются в файл ответов. Вместо этого укажите ссылку: {key}_file: /путь/к/файлу (секрет — первая строка файла, права 0600) или {key}_env: ИМЯ_ПЕРЕМЕННОЙ (переменная окружения запуска)',
  },

  // Conditions between keys
  whenSet: { en: '{key} is set', ru: 'задан {key}' },
  whenEquals: { en: '{key} is {value}', ru: '{key}: {value}' },
  onlyApplies: {
    en: 'only applies when {condition} (here it is {actual}): remove it',
    ru: 'действует, только если {condition} (здесь: {actual}): удалите его',
  },
  onlyAppliesOrSet: {
    en: 'only applies when {condition} (here it is {actual}): remove it, or set {key}: {value}',
    ru: 'действует, только если {condition} (здесь: {actual}): удалите его или задайте {key}: {value}',
  },
  required: { en: 'is required', ru: 'обязателен' },
  requiredBecause: { en: 'is required ({because})', ru: 'обязателен ({because})' },
  requiredWhen: { en: 'is required when {condition}', ru: 'обязателен, если {condition}' },
  requiredWhenBecause: { en: 'is required when {condition} ({because})', ru: 'обязателен, если {condition} ({because})' },
  requiredSecret: { en: 'is required: give {path}_file or {path}_env', ru: 'обязателен: укажите {path}_file или {path}_env' },
  requiredSecretBecause: { en: 'is required: give {path}_file or {path}_env ({because})', ru: 'обязателен: укажите {path}_file или {path}_env ({because})' },
  requiredSecretWhen: { en: 'is required when {condition}: give {path}_file or {path}_env', ru: 'обязателен, если {condition}: укажите {path}_file или {path}_env' },
  requiredSecretWhenBecause: {
    en: 'is required when {condition}: give {path}_file or {path}_env ({because})',
    ru: 'обязателен, если {condition}: укажите {path}_file или {path}_env ({because})',
  },
  unknownAnswer: { en: 'unknown answer: {path}', ru: 'неизвестный ответ: {path}' },
  otherKey: { en: '{path} {message}', ru: '{path}: {message}' },
  didYouMean: { en: '{message} (did you mean "{suggestion}"?)', ru: '{message} (может быть, "{suggestion}"?)' },

  // Values
  notList: { en: 'must be a single value, not a list', ru: 'должен быть одним значением, а не списком' },
  notMapping: { en: 'must be a single value, not a mapping', ru: 'должен быть одним значением, а не разделом' },
  newerVersion: {
    en: 'this file is version {version}, but this matrix-setup reads version {supported} files; use a newer matrix-setup',
    ru: 'у этого файла версия {version}, а этот matrix-setup читает файлы версии {supported}; используйте более новый matrix-setup',
  },
  mustBe: { en: 'must be {value}', ru: 'должен быть {value}' },
  trueOrFalse: { en: 'must be true or false', ru: 'должен быть true или false' },
  numberWithoutQuotes: { en: 'must be a number, written without quotes', ru: 'должен быть числом без кавычек' },
  number: { en: 'must be a number', ru: 'должен быть числом' },
  wholeNumber: { en: 'must be a whole number', ru: 'должен быть целым числом' },
  between: { en: 'must be between {min} and {max}', ru: 'должен быть от {min} до {max}' },
  aboveAtMost: { en: 'must be greater than {above} and at most {max}', ru: 'должен быть больше {above} и не больше {max}' },
  oneOf: { en: 'must be one of: {choices}', ru: 'должен быть одним из: {choices}' },
  textInQuotes: { en: 'must be text; put it in quotes: "{value}"', ru: 'должен быть текстом; возьмите его в кавычки: "{value}"' },
  text: { en: 'must be text', ru: 'должен быть текстом' },
  notEmpty: { en: 'must not be empty', ru: 'не должен быть пустым' },
  secretFile: { en: 'must be the path of a file holding the secret', ru: 'должен быть путём к файлу с секретом' },
  secretEnv: {
    en: 'must be the name of an environment variable holding the secret',
    ru: 'должен быть именем переменной окружения с секретом',
  },
  fileOrEnv: { en: 'give either a file or an environment variable, not both', ru: 'укажите либо файл, либо переменную окружения, но не оба' },
  reference: {
    en: 'must be a reference to a file or an environment variable, never the secret itself',
    ru: 'должен быть ссылкой на файл или переменную окружения, а не самим секретом',
  },

  // Formats
  email: { en: 'must be an email address such as admin@example.org', ru: 'должен быть адресом электронной почты, например admin@example.org' },
  emailTooLong: { en: 'is too long for an email address (at most 254 characters)', ru: 'слишком длинный для адреса электронной почты (не больше 254 символов)' },
  emailLocal: { en: 'has an invalid part before the @ ("{local}")', ru: 'содержит недопустимую часть до @ ("{local}")' },
  emailDomain: { en: 'has an invalid domain after the @: {problem}', ru: 'содержит недопустимый домен после @: {problem}' },
  url: {
    en: 'must be a URL such as https://acme-v02.api.letsencrypt.org/directory',
    ru: 'должен быть URL, например https://acme-v02.api.letsencrypt.org/directory',
  },
  https: {
    en: 'must use https:// (ACME servers and downloads are only trusted over TLS)',
    ru: 'должен использовать https:// (серверам ACME и загрузкам можно доверять только по TLS)',
  },
  noCredentials: { en: 'must not contain a user name or password', ru: 'не должен содержать имя пользователя или пароль' },
  noSpaces: { en: 'must not contain spaces', ru: 'не должен содержать пробелов' },
  absolutePath: { en: 'must be an absolute path (starting with /)', ru: 'должен быть абсолютным путём (начинаться с /)' },
  noLineBreaks: { en: 'must not contain line breaks or NUL characters', ru: 'не должен содержать переводов строки и символов NUL' },
  noDotDot: { en: 'must not contain ".." segments', ru: 'не должен содержать сегментов ".."' },
  controlCharacter: { en: 'a control character', ru: 'управляющий символ' },
  space: { en: 'a space', ru: 'пробел' },
  quoted: { en: '"{character}"', ru: '"{character}"' },
  configPath: {
    en: 'has {what}, which configuration files would read as syntax: use letters, digits and . _ - + @ = , : ~ / only (move or link the file to such a path)',
    ru: 'содержит {what}, что файлы конфигурации прочтут как синтаксис: используйте только буквы, цифры и . _ - + @ = , : ~ / (переместите файл или сделайте ссылку на него по такому пути)',
  },
  sizeUnit: { en: 'must be a number followed by K, M or G', ru: 'должен быть числом с K, M или G' },
  sizeNeedsUnit: { en: 'needs a unit: K, M or G, as in 50M', ru: 'нужна единица: K, M или G, например 50M' },
  size: { en: 'must be a size such as 50M or 1G', ru: 'должен быть размером, например 50M или 1G' },
  versionV: { en: 'is written without the leading "v"', ru: 'пишется без "v" в начале' },
  versionLatest: { en: 'must be "latest" in lower case', ru: 'должен быть "latest" строчными буквами' },
  version: { en: 'must be "latest" or a release number such as 1.2.3', ru: 'должен быть "latest" или номером выпуска, например 1.2.3' },
  shaLowerCase: { en: 'must be lower-case hex', ru: 'должен быть шестнадцатеричным числом строчными буквами' },
  shaPrefix: { en: 'must be the bare hex digest, without a "sha256:" prefix', ru: 'должен быть самим шестнадцатеричным хешем, без префикса "sha256:"' },
  sha: {
    en: 'must be a SHA-256 digest: 64 hex characters (this has {length})',
    ru: 'должен быть хешем SHA-256: 64 шестнадцатеричных символа (здесь {length})',
  },
  pgTooLong: { en: 'is longer than PostgreSQL allows (63 characters)', ru: 'длиннее, чем допускает PostgreSQL (63 символа)' },
  pgLower: { en: 'must use lower-case letters, digits and underscores only', ru: 'должен состоять только из строчных букв, цифр и подчёркиваний' },
  pgIdentifier: {
    en: 'must start with a letter or underscore and use lower-case letters, digits and underscores only',
    ru: 'должен начинаться с буквы или подчёркивания и состоять только из строчных букв, цифр и подчёркиваний',
  },
  localpartBare: {
    en: 'is just the user name, without the @ and the :server_name',
    ru: 'это только имя пользователя, без @ и :server_name',
  },
  lowerCase: { en: 'must be lower case', ru: 'должен быть в нижнем регистре' },
  localpart: { en: 'may only contain lower-case letters, digits and . _ = - / +', ru: 'может содержать только строчные буквы, цифры и . _ = - / +' },
  ip: { en: 'must be an IPv4 or IPv6 address such as 203.0.113.10', ru: 'должен быть адресом IPv4 или IPv6, например 203.0.113.10' },
  oneLine: { en: 'must be on one line', ru: 'должен быть в одну строку' },
  mailFrom: {
    en: 'must be an address, optionally with a name, as in "Matrix <noreply@example.org>": the address {problem}',
    ru: 'должен быть адресом, можно с именем, например "Matrix <noreply@example.org>": адрес {problem}',
  },
  envName: {
    en: 'must be an environment variable name (letters, digits and underscores, not starting with a digit)',
    ru: 'должен быть именем переменной окружения (буквы, цифры и подчёркивания, не с цифры в начале)',
  },
  noSpacesOrBreaks: { en: 'must not contain spaces or line breaks', ru: 'не должен содержать пробелов и переводов строки' },

  // Host names
  hostOnly: { en: 'must be a host name only, without https:// or a path', ru: 'должен быть только именем хоста, без https:// и пути' },
  portInServerName: {
    en: 'a port in server_name is not supported: it would become part of every user ID (@alice:example.org:8448) and can never be changed. Use the bare domain; federation is reached on 443 through delegation or on 8448.',
    ru: 'порт в server_name не поддерживается: он стал бы частью каждого идентификатора пользователя (@alice:example.org:8448), и изменить его было бы нельзя. Укажите только домен; федерация работает на 443 через делегирование или на 8448.',
  },
  noPort: {
    en: 'must be a host name without a port (the port has its own key)',
    ru: 'должен быть именем хоста без порта (для порта есть отдельный ключ)',
  },
  nonAscii: {
    en: 'contains non-ASCII characters; write an internationalised name in its punycode form (xn--...)',
    ru: 'содержит не-ASCII-символы; запишите национальное доменное имя в виде punycode (xn--...)',
  },
  badCharacter: {
    en: 'contains {character}, which is not allowed in a host name (letters, digits, hyphens and dots only)',
    ru: 'содержит {character}, а в имени хоста допустимы только буквы, цифры, дефисы и точки',
  },
  trailingDot: { en: 'must be written without the trailing dot', ru: 'пишется без точки в конце' },
  hostLowerCase: {
    en: 'must be lower case (Matrix IDs and certificates compare names exactly)',
    ru: 'должен быть в нижнем регистре (идентификаторы Matrix и сертификаты сравнивают имена точно)',
  },
  hostTooLong: { en: 'is {length} characters long; a host name has at most 253', ru: 'длиной {length} символов, а в имени хоста не больше 253' },
  emptyLabel: { en: 'has an empty label (two dots in a row, or a leading dot)', ru: 'содержит пустую метку (две точки подряд или точка в начале)' },
  longLabel: {
    en: 'has a label of {length} characters ("{start}..."); at most 63 are allowed',
    ru: 'содержит метку длиной {length} символов ("{start}..."); допустимо не больше 63',
  },
  hyphenLabel: {
    en: 'has a label that starts or ends with a hyphen ("{label}")',
    ru: 'содержит метку, которая начинается или заканчивается дефисом ("{label}")',
  },
  invalidHostOrIp: { en: 'is not a valid IP address or host name', ru: 'не является допустимым IP-адресом или именем хоста' },
  looksLikeIp: { en: 'looks like an IP address; use a DNS name', ru: 'похоже на IP-адрес; укажите DNS-имя' },
  needsDot: {
    en: 'must be a fully qualified domain name such as {value}.example.org or example.org',
    ru: 'должен быть полным доменным именем, например {value}.example.org или example.org',
  },

  // Rules across keys
  wellKnownSameHost: {
    en: 'well-known delegation points server_name at another host, but synapse_host is the server_name itself. Set synapse_host (e.g. matrix.{server}) or use delegation: auto',
    ru: 'делегирование well-known направляет server_name на другой хост, а synapse_host совпадает с server_name. Задайте synapse_host (например, matrix.{server}) или используйте delegation: auto',
  },
  selfSignedFederation: {
    en: 'other servers refuse to federate with a self-signed certificate. Use letsencrypt or existing, or set federation: false for a private test server',
    ru: 'другие серверы отказываются от федерации с самоподписанным сертификатом. Используйте letsencrypt или existing либо задайте federation: false для закрытого тестового сервера',
  },
  maxAboveMin: { en: 'must be greater than turn.min_port ({min})', ru: 'должен быть больше turn.min_port ({min})' },
  privateNeedsExternal: {
    en: 'needs turn.external_ip: coturn maps the private address to the public one',
    ru: 'нужен turn.external_ip: coturn сопоставляет внутренний адрес с внешним',
  },
  checksumPins: {
    en: 'a checksum pins one exact file: set element.version to that release (or element.tarball), or remove sha256',
    ru: 'контрольная сумма закрепляет один конкретный файл: задайте element.version этого выпуска (или element.tarball) либо удалите sha256',
  },
  adminPasswordNeeded: {
    en: 'is required with database.admin_user: give database.admin_password_file or database.admin_password_env',
    ru: 'обязателен вместе с database.admin_user: укажите database.admin_password_file или database.admin_password_env',
  },
  adminUserNeeded: {
    en: 'is required with database.admin_password (the role those credentials belong to)',
    ru: 'обязателен вместе с database.admin_password (роль, которой принадлежат эти учётные данные)',
  },
  smtpUserNeeded: {
    en: 'is required with email.smtp_password (the login the password belongs to)',
    ru: 'обязателен вместе с email.smtp_password (логин, которому принадлежит пароль)',
  },
  smtpPasswordNeeded: {
    en: 'is required with email.smtp_user: give email.smtp_password_file or email.smtp_password_env',
    ru: 'обязателен вместе с email.smtp_user: укажите email.smtp_password_file или email.smtp_password_env',
  },
  plainSmtpPassword: {
    en: 'would send the SMTP password unencrypted over the network; use starttls or tls',
    ru: 'отправит пароль SMTP по сети без шифрования; используйте starttls или tls',
  },
  openRegistration: {
    en: 'open registration without verification invites spam bots, and Synapse refuses it. Configure email (email.enabled: true) so new accounts verify an address, or use registration: token',
    ru: 'открытая регистрация без подтверждения привлекает спам-ботов, и Synapse её не допускает. Настройте почту (email.enabled: true), чтобы новые учётные записи подтверждали адрес, или используйте registration: token',
  },
  userIdTooLong: {
    en: 'is too long: a user ID (@name:server_name) has at most 255 characters',
    ru: 'слишком длинный: в идентификаторе пользователя (@имя:server_name) не больше 255 символов',
  },
});
