/**
 * `matrix-setup verify`'s checks: their labels, what each saw and what to change. Names,
 * URLs, status codes, headers and commands stay as they are in every language.
 */
import { defineMessages } from '../define.js';

export const checkText = defineMessages('verify-checks', {
  // Shared
  federationOff: { en: 'federation is off in the answers', ru: 'федерация выключена в ответах' },
  noAnswer: { en: 'no answer', ru: 'нет ответа' },
  missing: { en: 'missing', ru: 'отсутствует' },
  none: { en: 'none', ru: 'нет' },
  notValidJson: { en: '{where}: not valid JSON: {excerpt}', ru: '{where}: некорректный JSON: {excerpt}' },
  tlsLabel: { en: 'TLS certificate of {host}', ru: 'TLS-сертификат {host}' },

  // Requests (what went wrong on the way)
  noCompleteAnswer: { en: 'no complete answer within {time}', ru: 'нет полного ответа за {time}' },
  closedMidAnswer: { en: 'the connection closed in the middle of the answer', ru: 'соединение закрылось посреди ответа' },
  noHandshake: { en: 'no TLS handshake within {time}', ru: 'TLS-рукопожатие не завершилось за {time}' },
  milliseconds: { en: '{value} ms', ru: '{value} мс' },
  seconds: { en: '{value} s', ru: '{value} с' },
  tooManyRedirects: { en: 'more than {max} redirects', ru: 'больше {max} перенаправлений' },
  doesNotResolve: { en: '{host} does not resolve ({code})', ru: 'имя {host} не разрешается в DNS ({code})' },
  connectionRefused: { en: 'connection refused by {where}', ru: '{where} отклонил соединение' },
  unreachable: { en: '{where} is unreachable ({code})', ru: '{where} недоступен ({code})' },
  connectionClosed: { en: '{where} closed the connection ({code})', ru: '{where} закрыл соединение ({code})' },
  tlsFailed: { en: 'TLS with {where} failed: {problem}', ru: 'TLS-соединение с {where} не установлено: {problem}' },
  noCertificate: { en: 'the server sent no certificate', ru: 'сервер не прислал сертификат' },
  notValidFor: { en: 'it is not valid for {name}: {error}', ru: 'он недействителен для {name}: {error}' },
  tlsCode: { en: '{meaning} ({code})', ru: '{meaning} ({code})' },
  certExpired: { en: 'the certificate has expired', ru: 'срок действия сертификата истёк' },
  selfSigned: { en: 'the certificate is self-signed', ru: 'сертификат самоподписанный' },
  selfSignedInChain: {
    en: 'the chain ends in a self-signed certificate no public CA issued',
    ru: 'цепочка заканчивается самоподписанным сертификатом, который не выпущен публичным ЦС',
  },
  incompleteChain: {
    en: 'the chain is incomplete (serve fullchain.pem, not cert.pem) or its CA is not trusted',
    ru: 'цепочка неполная (отдавайте fullchain.pem, а не cert.pem) или её ЦС не считается доверенным',
  },
  notYetValid: { en: 'the certificate is not valid yet (check the clock)', ru: 'сертификат ещё не действует (проверьте часы)' },
  otherName: { en: 'the certificate is for another name', ru: 'сертификат выдан на другое имя' },

  // Checks skipped because an earlier one failed
  cannotBeReached: { en: '{name}:{port} cannot be reached ({error})', ru: '{name}:{port} недоступен ({error})' },
  certificateNotAccepted: { en: 'the certificate of {name} is not accepted ({problem})', ru: 'сертификат {name} не принят ({problem})' },
  invalid: { en: 'invalid', ru: 'недействителен' },
  skippedSee: { en: 'skipped: {reason}; see {id}', ru: 'пропущено: {reason}; см. {id}' },

  // DNS
  dnsLabel: { en: 'DNS of {name}', ru: 'DNS для {name}' },
  ipAddress: { en: 'an IP address; no DNS record needed', ru: 'это IP-адрес, DNS-запись не нужна' },
  lookupFailed: { en: 'the lookup failed ({error})', ru: 'DNS-запрос не удался ({error})' },
  noRecord: { en: 'no A or AAAA record', ru: 'нет записи A или AAAA' },
  addRecord: {
    en: "Add an A record (and AAAA if this machine has IPv6) for {name} pointing at this server's public address.",
    ru: 'Добавьте для {name} запись A (и AAAA, если у этой машины есть IPv6), указывающую на публичный адрес этого сервера.',
  },
  onlyHostsFile: {
    en: '{why} in DNS; only this machine maps it (to {addresses}, e.g. through /etc/hosts), so other servers and clients cannot find it',
    ru: '{why} в DNS; имя знает только эта машина ({addresses}, например через /etc/hosts), поэтому другие серверы и клиенты его не найдут',
  },
  thisMachine: { en: '{records} (this machine)', ru: '{records} (эта машина)' },
  partlyElsewhere: { en: '{records}: {foreign} is not this machine', ru: '{records}: {foreign} — не эта машина' },
  partlyElsewhereFix: {
    en: 'Remove or correct the record for {foreign}: clients that pick it reach another server.',
    ru: 'Удалите или исправьте запись с {foreign}: клиенты, которые её выберут, попадут на другой сервер.',
  },
  delegatesElsewhere: {
    en: '{records} (not this machine; fine, it delegates to the Synapse host)',
    ru: '{records} (не эта машина; это нормально, имя делегирует на хост Synapse)',
  },
  notThisMachine: {
    en: "{records}, not one of this machine's addresses ({ours})",
    ru: '{records} — это не адрес этой машины (её адреса: {ours})',
  },
  notThisMachineFix: {
    en: 'Fine behind NAT or a load balancer that forwards 443 (and 8448) here; otherwise point {name} at this machine.',
    ru: 'Это нормально за NAT или балансировщиком, который перенаправляет сюда 443 (и 8448); иначе направьте {name} на эту машину.',
  },

  // Delegation
  delegationTlsFix: {
    en: 'Make sure {host} serves HTTPS on 443 (the delegation files are read there) and the firewall allows it.',
    ru: 'Убедитесь, что {host} отвечает по HTTPS на порту 443 (файлы делегирования читаются там) и что файрвол это пропускает.',
  },
  redirectedTo: { en: '{url} (redirected to {final})', ru: '{url} (перенаправлен на {final})' },
  serveServerFile: {
    en: 'Serve https://{server}/.well-known/matrix/server with {content} (Content-Type: application/json).',
    ru: 'Отдавайте по адресу https://{server}/.well-known/matrix/server содержимое {content} (Content-Type: application/json).',
  },
  noDelegation: {
    en: "{where}: HTTP 404, no delegation; other servers use {server}'s SRV records or port 8448",
    ru: '{where}: HTTP 404, делегирования нет; другие серверы используют SRV-записи {server} или порт 8448',
  },
  webPage: {
    en: "{where}: {status}, a web page, not a delegation file; other servers use {server}'s SRV records or port 8448",
    ru: '{where}: {status} — веб-страница, а не файл делегирования; другие серверы используют SRV-записи {server} или порт 8448',
  },
  mServerNotName: { en: '{where}: m.server is {value}, not a server name', ru: '{where}: m.server = {value} — это не имя сервера' },
  mServerMissing: { en: '{where}: m.server is missing, not a server name', ru: '{where}: m.server отсутствует' },
  mServerElsewhere: {
    en: 'm.server is {value}, but Synapse is served on {host}',
    ru: 'm.server указывает на {value}, но Synapse обслуживается на {host}',
  },
  mServerAfterRedirects: {
    en: { one: 'm.server {value} (after {count} redirect)', other: 'm.server {value} (after {count} redirects)' },
    ru: {
      one: 'm.server {value} (после {count} перенаправления)',
      few: 'm.server {value} (после {count} перенаправлений)',
      many: 'm.server {value} (после {count} перенаправлений)',
    },
  },
  corsLabel: { en: 'CORS header on /.well-known/matrix/client', ru: 'Заголовок CORS у /.well-known/matrix/client' },
  serveClientFile: {
    en: 'Serve https://{server}/.well-known/matrix/client with {content} and the header "Access-Control-Allow-Origin: *".',
    ru: 'Отдавайте по адресу https://{server}/.well-known/matrix/client содержимое {content} с заголовком "Access-Control-Allow-Origin: *".',
  },
  fileNotFetched: { en: 'the file could not be fetched', ru: 'файл не удалось получить' },
  fileAnswered: { en: 'the file answered HTTP {status}', ru: 'на запрос файла пришёл ответ HTTP {status}' },
  clientFileOptional: {
    en: '{where}: {status}; clients that only know {server} still find the API there, but clients need the file for auto-discovery',
    ru: '{where}: {status}; клиенты, знающие только {server}, всё равно найдут там API, но для автообнаружения клиентам нужен этот файл',
  },
  corsOther: {
    en: 'Access-Control-Allow-Origin: {value} (web clients on other origins cannot read the file)',
    ru: 'Access-Control-Allow-Origin: {value} (веб-клиенты с других доменов не смогут прочитать файл)',
  },
  corsMissing: {
    en: 'no Access-Control-Allow-Origin header: Element Web and other browser clients on another origin cannot read the file',
    ru: 'нет заголовка Access-Control-Allow-Origin: Element Web и другие браузерные клиенты с других доменов не смогут прочитать файл',
  },
  corsFix: {
    en: 'Add the header to that location, e.g. in nginx: add_header Access-Control-Allow-Origin "*" always;',
    ru: 'Добавьте заголовок в этот location, например в nginx: add_header Access-Control-Allow-Origin "*" always;',
  },
  baseUrlIs: { en: 'm.homeserver.base_url is {value}', ru: 'm.homeserver.base_url = {value}' },
  baseUrlMissing: { en: 'm.homeserver.base_url is missing', ru: 'm.homeserver.base_url отсутствует' },
  baseUrlNotUrl: { en: 'm.homeserver.base_url "{value}" is not a URL', ru: 'm.homeserver.base_url "{value}" — не URL' },
  baseUrlNotHttps: { en: 'm.homeserver.base_url "{value}" is not https', ru: 'm.homeserver.base_url "{value}" — не https' },
  baseUrlElsewhere: {
    en: 'm.homeserver.base_url is {value}, but Synapse is served on {host}',
    ru: 'm.homeserver.base_url = {value}, но Synapse обслуживается на {host}',
  },
  baseUrlAnswered: { en: 'base_url {value}, but {url} answered {status}', ru: 'base_url {value}, но {url} ответил {status}' },
  baseUrlFailed: { en: 'base_url {value}, but {url} failed: {error}', ru: 'base_url {value}, но запрос {url} не удался: {error}' },
  baseUrlFix: {
    en: 'Check that the base URL is the host nginx proxies to Synapse.',
    ru: 'Проверьте, что base URL — это хост, который nginx проксирует к Synapse.',
  },
  baseUrlOk: { en: 'm.homeserver.base_url {value} (answers the client API)', ru: 'm.homeserver.base_url {value} (отвечает клиентский API)' },
  srvLabel: { en: 'SRV records', ru: 'SRV-записи' },
  srvNone: {
    en: 'none for {host} (delegation uses the well-known file or port 8448)',
    ru: 'для {host} нет (делегирование идёт через файл well-known или порт 8448)',
  },
  srvBehindWellKnown: {
    en: '{records}; a valid /.well-known/matrix/server takes precedence over them',
    ru: '{records}; корректный /.well-known/matrix/server имеет приоритет над ними',
  },
  srvFix: {
    en: 'Point the SRV records at {host}, or remove them (the spec discourages SRV delegation).',
    ru: 'Направьте SRV-записи на {host} или удалите их (спецификация не рекомендует делегирование через SRV).',
  },

  // Client API
  versionsLabel: { en: 'Client API /_matrix/client/versions', ru: 'Клиентский API /_matrix/client/versions' },
  versionsFix: {
    en: 'Check that nginx proxies https://{host}/_matrix to Synapse (127.0.0.1:8008) and that Synapse runs: systemctl status matrix-synapse.',
    ru: 'Проверьте, что nginx проксирует https://{host}/_matrix к Synapse (127.0.0.1:8008) и что Synapse запущен: systemctl status matrix-synapse.',
  },
  specVersions: {
    en: { one: '{url}: {count} spec version, newest {newest}', other: '{url}: {count} spec versions, newest {newest}' },
    ru: {
      one: '{url}: {count} версия спецификации, новейшая {newest}',
      few: '{url}: {count} версии спецификации, новейшая {newest}',
      many: '{url}: {count} версий спецификации, новейшая {newest}',
    },
  },
  versionsBadGateway: { en: '{url}: {status} (nginx cannot reach Synapse): {excerpt}', ru: '{url}: {status} (nginx не может достучаться до Synapse): {excerpt}' },
  clientTlsFix: {
    en: 'Make sure nginx listens on 443 for {host} and the firewall allows it.',
    ru: 'Убедитесь, что nginx слушает порт 443 для {host} и файрвол это пропускает.',
  },
  issuedBy: { en: 'issued by {issuer}', ru: 'выдан {issuer}' },
  expiresInDays: {
    en: { one: 'expires in {count} day', other: 'expires in {count} days' },
    ru: { one: 'истекает через {count} день', few: 'истекает через {count} дня', many: 'истекает через {count} дней' },
  },
  selfSignedFix: {
    en: 'A self-signed certificate is refused by other servers and most clients: use tls.mode letsencrypt (or an existing certificate from a public CA).',
    ru: 'Самоподписанный сертификат отвергают другие серверы и большинство клиентов: используйте tls.mode letsencrypt (или готовый сертификат от публичного ЦС).',
  },
  fullChainFix: {
    en: "Serve a certificate for {name} with its full chain (Let's Encrypt: fullchain.pem), then reload nginx.",
    ru: "Установите для {name} сертификат с полной цепочкой (Let's Encrypt: fullchain.pem), затем перезагрузите конфигурацию nginx.",
  },
  privateCaFix: {
    en: "Serve a certificate for {name} with its full chain (Let's Encrypt: fullchain.pem), then reload nginx. If it comes from a private CA on purpose, check with that CA trusted: matrix-setup verify --ca FILE.",
    ru: "Установите для {name} сертификат с полной цепочкой (Let's Encrypt: fullchain.pem), затем перезагрузите конфигурацию nginx. Если сертификат намеренно выпущен частным ЦС, проверьте с доверием к этому ЦС: matrix-setup verify --ca ФАЙЛ.",
  },
  validBut: { en: 'valid, but {who}', ru: 'действителен, но {who}' },
  renewNowFix: {
    en: 'Renew now: certbot renew --force-renewal, then systemctl reload nginx; then find out why automatic renewal did not run (journalctl -u certbot).',
    ru: 'Обновите сейчас: certbot renew --force-renewal, затем systemctl reload nginx; потом выясните, почему не сработало автоматическое обновление (journalctl -u certbot).',
  },
  renewalOverdue: {
    en: 'valid, but {who}: automatic renewal should have happened by now',
    ru: 'действителен, но {who}: автоматическое обновление уже должно было произойти',
  },
  renewalOverdueFix: {
    en: 'Run certbot renew and check journalctl -u certbot for why the timer did not renew it.',
    ru: 'Выполните certbot renew и посмотрите в journalctl -u certbot, почему таймер его не обновил.',
  },
  validFor: { en: 'valid for {name}, {who}', ru: 'действителен для {name}, {who}' },

  // Federation
  discoveryLabel: { en: 'Server discovery (as remote servers do it)', ru: 'Обнаружение сервера (так, как это делают удалённые серверы)' },
  federationTlsLabel: { en: 'TLS certificate on the federation endpoint', ru: 'TLS-сертификат на адресе федерации' },
  federationVersionLabel: { en: 'Federation API /_matrix/federation/v1/version', ru: 'API федерации /_matrix/federation/v1/version' },
  keyServerNameLabel: { en: 'Signing keys: server_name', ru: 'Ключи подписи: server_name' },
  keyValidUntilLabel: { en: 'Signing keys: valid_until_ts', ru: 'Ключи подписи: valid_until_ts' },
  keySignaturesLabel: { en: 'Signing keys: ed25519 signatures', ru: 'Ключи подписи: подписи ed25519' },
  proxyFix: {
    en: 'Check the nginx location for /_matrix: `proxy_pass http://127.0.0.1:8008;` with nothing after the port, and Synapse listening with the federation resource.',
    ru: 'Проверьте location для /_matrix в nginx: `proxy_pass http://127.0.0.1:8008;` без пути после порта, и что listener Synapse включает ресурс federation.',
  },
  discoveryFix: {
    en: 'Fix /.well-known/matrix/server on {server} (see the delegation checks).',
    ru: 'Исправьте /.well-known/matrix/server на {server} (см. проверки делегирования).',
  },
  noEndpoint: { en: 'no federation endpoint was found', ru: 'адрес федерации не найден' },
  discovered: {
    en: '{route} (certificate name {tlsName}, Host {host})',
    ru: '{route} (имя в сертификате {tlsName}, Host {host})',
  },
  notJson: { en: 'not valid JSON', ru: 'некорректный JSON' },
  noMServer: { en: 'no m.server string', ru: 'нет строки m.server' },
  open8448Fix: {
    en: 'Open port 8448 (firewall and any cloud security group) and have nginx listen on it for {name}, or delegate federation to {host}:443 with /.well-known/matrix/server.',
    ru: 'Откройте порт 8448 (в файрволе и в группе безопасности облака, если она есть) и настройте nginx так, чтобы он слушал его для {name}, либо делегируйте федерацию на {host}:443 через /.well-known/matrix/server.',
  },
  reachableFix: {
    en: 'Make sure {where} is reachable from the internet and proxies /_matrix to Synapse.',
    ru: 'Убедитесь, что {where} доступен из интернета и проксирует /_matrix к Synapse.',
  },
  keysNotFetched: { en: 'the keys could not be fetched', ru: 'ключи не удалось получить' },
  noKeyResponse: { en: 'no key response', ru: 'нет ответа с ключами' },
  serverNameFrom: { en: 'server_name {server} (from {where})', ru: 'server_name {server} (от {where})' },
  serverNameOther: {
    en: '{where} answers for server_name {got}, not {server}',
    ru: '{where} отвечает за server_name {got}, а не {server}',
  },
  serverNameOtherFix: {
    en: 'The federation endpoint reaches another homeserver (or one configured with another server_name). Point delegation at the Synapse whose homeserver.yaml has server_name: {server}.',
    ru: 'Адрес федерации ведёт на другой homeserver (или на настроенный с другим server_name). Направьте делегирование на тот Synapse, в чьём homeserver.yaml указано server_name: {server}.',
  },
  validUntilMissing: { en: 'valid_until_ts is missing', ru: 'valid_until_ts отсутствует' },
  validUntilMissingFix: {
    en: 'Upgrade Synapse; every current version publishes valid_until_ts.',
    ru: 'Обновите Synapse: все актуальные версии публикуют valid_until_ts.',
  },
  validUntilPast: {
    en: 'valid_until_ts {until} is in the past (now {now}): other servers will not accept these keys',
    ru: 'valid_until_ts {until} уже в прошлом (сейчас {now}): другие серверы не примут эти ключи',
  },
  validUntilPastFix: {
    en: 'A proxy or cache may be serving an old key response: make sure /_matrix/key is proxied to Synapse uncached; check the clock (timedatectl) and restart Synapse.',
    ru: 'Возможно, прокси или кеш отдаёт старый ответ с ключами: убедитесь, что /_matrix/key проксируется к Synapse без кеширования; проверьте часы (timedatectl) и перезапустите Synapse.',
  },
  validUntil: { en: 'valid until {until}', ru: 'действительны до {until}' },
  keysFix: {
    en: "Synapse signs its key response with the key in its signing key file; if the file was replaced or a proxy rewrites the response, restore the server's original signing key and proxy /_matrix/key unchanged.",
    ru: 'Synapse подписывает ответ с ключами ключом из своего файла ключа подписи; если файл заменили или прокси переписывает ответ, верните исходный ключ подписи сервера и проксируйте /_matrix/key без изменений.',
  },
  noEd25519Key: { en: 'verify_keys has no ed25519 key', ru: 'в verify_keys нет ключа ed25519' },
  noSignature: { en: 'no ed25519 signature by {server} on the key response', ru: 'в ответе с ключами нет подписи ed25519 от {server}' },
  signaturesVerified: {
    en: { one: '{count} signature verified with {keys}', other: '{count} signatures verified with {keys}' },
    ru: {
      one: '{count} подпись проверена ключом {keys}',
      few: '{count} подписи проверены ключами {keys}',
      many: '{count} подписей проверено ключами {keys}',
    },
  },
  noPublishedKey: { en: 'no published key with this id', ru: 'нет опубликованного ключа с таким id' },
  keyNot32Bytes: { en: 'the published key is not 32 bytes of Base64', ru: 'опубликованный ключ — не 32 байта в Base64' },
  signatureNot64Bytes: { en: 'the signature is not 64 bytes of Base64', ru: 'подпись — не 64 байта в Base64' },
  signatureMismatch: { en: 'the signature does not match the signed JSON', ru: 'подпись не соответствует подписанному JSON' },
  notCanonical: { en: 'not canonical JSON: {error}', ru: 'не канонический JSON: {error}' },

  // How a server name resolves (the trail of the discovery check)
  invalidServerName: { en: '"{name}" is not a valid server name', ru: '"{name}" — некорректное имя сервера' },
  ipLiteral: { en: '{name} is an IP literal → {target}', ru: '{name} — IP-адрес → {target}' },
  explicitPort: { en: '{name} has an explicit port', ru: 'у {name} явно указан порт' },
  invalidMServer: {
    en: 'the well-known m.server "{value}" is not a valid server name',
    ru: 'm.server "{value}" из well-known — некорректное имя сервера',
  },
  noSrvFor: { en: 'no SRV records for {host} → port 8448', ru: 'нет SRV-записей для {host} → порт 8448' },
  wellKnownNotUsed: { en: '/.well-known/matrix/server not used ({problem})', ru: '/.well-known/matrix/server не используется ({problem})' },
  absent: { en: 'absent', ru: 'отсутствует' },
  noSrv: { en: 'no SRV records → {target}', ru: 'нет SRV-записей → {target}' },
  srvRecord: { en: 'SRV {record} → {target}', ru: 'SRV {record} → {target}' },
  srvDeprecated: { en: 'SRV {record} → {target} (deprecated record)', ru: 'SRV {record} → {target} (устаревшая запись)' },

  // Reverse proxy
  encodedPathLabel: { en: 'Encoded path reaches Synapse unchanged', ru: 'Закодированный путь доходит до Synapse без изменений' },
  smallUploadLabel: { en: 'Upload just above 1 MB reaches Synapse', ru: 'Загрузка чуть больше 1 МБ доходит до Synapse' },
  maxUploadLabel: { en: 'Proxy accepts uploads up to max_upload_size ({size})', ru: 'Прокси принимает загрузки до max_upload_size ({size})' },
  encodedPathFix: {
    en: 'In the nginx location for /_matrix, write `proxy_pass http://127.0.0.1:8008;` with nothing after the port (no /, no /_matrix): a URI there makes nginx decode the path, which breaks federation signatures ("Invalid signature for server ...").',
    ru: 'В location для /_matrix в nginx напишите `proxy_pass http://127.0.0.1:8008;` без пути после порта (без / и без /_matrix): URI там заставляет nginx декодировать путь, и подписи федерации перестают сходиться ("Invalid signature for server ...").',
  },
  encodedPathOk: {
    en: 'Synapse answered for the alias #verify/check:{server} ({status}): %2F arrived intact',
    ru: 'Synapse ответил на запрос псевдонима #verify/check:{server} ({status}): %2F дошёл без изменений',
  },
  encodedPathDecoded: {
    en: "{status}: the %2F was decoded on the way, so the request no longer matched Synapse's route",
    ru: '{status}: %2F декодирован по дороге, и запрос больше не совпадает с маршрутом Synapse',
  },
  encodedPathOdd: { en: '{status}: not an answer Synapse gives for this request', ru: '{status}: Synapse на такой запрос так не отвечает' },
  bodySizeFix: {
    en: "Set `client_max_body_size {size};` in the nginx server block for {host} (it must be at least Synapse's max_upload_size), then `nginx -t && systemctl reload nginx`.",
    ru: 'Укажите `client_max_body_size {size};` в блоке server nginx для {host} (не меньше max_upload_size Synapse), затем выполните `nginx -t && systemctl reload nginx`.',
  },
  smallUploadOk: {
    en: { one: '{count} byte got through the proxy; Synapse asked for a login ({code})', other: '{count} bytes got through the proxy; Synapse asked for a login ({code})' },
    ru: {
      one: '{count} байт прошёл через прокси; Synapse запросил вход ({code})',
      few: '{count} байта прошли через прокси; Synapse запросил вход ({code})',
      many: '{count} байт прошли через прокси; Synapse запросил вход ({code})',
    },
  },
  synapseBelow1MiB: { en: 'Synapse ({code}): max_upload_size is below 1 MiB', ru: 'Synapse ({code}): max_upload_size меньше 1 МиБ' },
  theProxy: { en: 'the proxy ({excerpt})', ru: 'прокси ({excerpt})' },
  http413From: { en: 'HTTP 413 from {who}', ru: 'HTTP 413 от {who}' },
  raiseMaxUploadFix: {
    en: 'Raise max_upload_size in homeserver.yaml (answers: synapse.max_upload_size) and restart Synapse.',
    ru: 'Увеличьте max_upload_size в homeserver.yaml (в ответах: synapse.max_upload_size) и перезапустите Synapse.',
  },
  expected401Fix: {
    en: 'Expected 401 M_MISSING_TOKEN from Synapse; check what answers /_matrix/media on this host.',
    ru: 'Ожидался ответ 401 M_MISSING_TOKEN от Synapse; проверьте, что отвечает на /_matrix/media на этом хосте.',
  },
  coveredBySmallUpload: { en: 'max_upload_size is covered by the 1 MB upload check', ru: 'max_upload_size покрывается проверкой загрузки на 1 МБ' },
  notRefusedUpFront: {
    en: { one: 'an upload announced at {count} byte was not refused up front', other: 'an upload announced at {count} bytes was not refused up front' },
    ru: {
      one: 'загрузку с заявленным размером {count} байт не отклонили сразу',
      few: 'загрузку с заявленным размером {count} байта не отклонили сразу',
      many: 'загрузку с заявленным размером {count} байт не отклонили сразу',
    },
  },
  refusedAtOnce: {
    en: {
      one: 'an upload announced at {count} byte (max_upload_size) was refused at once: HTTP 413 {who}',
      other: 'an upload announced at {count} bytes (max_upload_size) was refused at once: HTTP 413 {who}',
    },
    ru: {
      one: 'загрузку с заявленным размером {count} байт (max_upload_size) отклонили сразу: HTTP 413 {who}',
      few: 'загрузку с заявленным размером {count} байта (max_upload_size) отклонили сразу: HTTP 413 {who}',
      many: 'загрузку с заявленным размером {count} байт (max_upload_size) отклонили сразу: HTTP 413 {who}',
    },
  },
  fromTheProxy: { en: 'from the proxy ({excerpt})', ru: 'от прокси ({excerpt})' },
  synapseRefusedFix: {
    en: 'Synapse refused it: its max_upload_size is lower than the answers say; re-run matrix-setup to apply the answers.',
    ru: 'Её отклонил Synapse: его max_upload_size меньше, чем в ответах; запустите matrix-setup снова, чтобы применить ответы.',
  },
  announcedLogin: {
    en: { one: 'announced {count} byte; answered 401 {code} (not a size refusal)', other: 'announced {count} bytes; answered 401 {code} (not a size refusal)' },
    ru: {
      one: 'заявлен {count} байт; ответ 401 {code} (это не отказ из-за размера)',
      few: 'заявлено {count} байта; ответ 401 {code} (это не отказ из-за размера)',
      many: 'заявлено {count} байт; ответ 401 {code} (это не отказ из-за размера)',
    },
  },
  announcedOther: {
    en: { one: 'announced {count} byte; answered {status}: {excerpt}', other: 'announced {count} bytes; answered {status}: {excerpt}' },
    ru: {
      one: 'заявлен {count} байт; ответ {status}: {excerpt}',
      few: 'заявлено {count} байта; ответ {status}: {excerpt}',
      many: 'заявлено {count} байт; ответ {status}: {excerpt}',
    },
  },
  mediaAnswersFix: { en: 'Check what answers /_matrix/media on this host.', ru: 'Проверьте, что отвечает на /_matrix/media на этом хосте.' },

  // This machine
  serviceLabel: { en: 'Synapse service (matrix-synapse)', ru: 'Служба Synapse (matrix-synapse)' },
  serviceFix: {
    en: 'See why: journalctl -u matrix-synapse -n 50 --no-pager; then systemctl restart matrix-synapse.',
    ru: 'Посмотрите причину: journalctl -u matrix-synapse -n 50 --no-pager; затем systemctl restart matrix-synapse.',
  },
  systemctlFailed: { en: 'systemctl could not be asked: {error}', ru: 'не удалось опросить systemctl: {error}' },
  runOnServerFix: { en: 'Run verify on the server itself, as root.', ru: 'Запустите verify на самом сервере от root.' },
  postgresLabel: { en: 'PostgreSQL reachable, collation C', ru: 'PostgreSQL доступен, правило сортировки C' },
  postgresRunsFix: { en: 'Check that PostgreSQL runs: systemctl status postgresql.', ru: 'Проверьте, что PostgreSQL запущен: systemctl status postgresql.' },
  collationFix: {
    en: "Synapse needs a database created with LC_COLLATE 'C' and LC_CTYPE 'C' (TEMPLATE template0); a new database must be created and the data ported, e.g. with pg_dump into one created that way.",
    ru: "Synapse нужна база данных, созданная с LC_COLLATE 'C' и LC_CTYPE 'C' (TEMPLATE template0); нужно создать новую базу данных и перенести в неё данные, например через pg_dump.",
  },
  postgresOldFix: {
    en: 'Current Synapse needs PostgreSQL 14 or later: upgrade PostgreSQL before the next Synapse upgrade.',
    ru: 'Актуальному Synapse нужен PostgreSQL 14 или новее: обновите PostgreSQL до следующего обновления Synapse.',
  },
  diskLabel: { en: 'Disk space for the media store', ru: 'Место на диске для медиафайлов' },
  freeOf: { en: '{free} GiB free of {total} GiB on {path}', ru: 'свободно {free} ГиБ из {total} ГиБ на {path}' },
  diskFix: {
    en: "Free space on the file system holding {path} (old media: Synapse's admin API purge_media_cache / media_retention), or move the media store to a larger disk.",
    ru: 'Освободите место в файловой системе, где находится {path} (старые медиафайлы: admin API Synapse purge_media_cache / media_retention), или перенесите хранилище медиафайлов на диск побольше.',
  },
  diskSoonFull: { en: '{free}: uploads of up to {size} will soon fail', ru: '{free}: загрузки размером до {size} скоро начнут завершаться ошибкой' },
  couldNotMeasure: { en: 'could not measure: {error}', ru: 'не удалось измерить: {error}' },
  renewalLabel: { en: 'Certificate renewal scheduled', ru: 'Обновление сертификата запланировано' },
  renewalNotCertbot: {
    en: 'tls.mode is {mode}: renewal is not managed by certbot here',
    ru: 'tls.mode: {mode} — обновлением здесь не управляет certbot',
  },
  timerActive: { en: '{unit} active', ru: '{unit} активен' },
  noActiveTimer: { en: 'no active certbot timer ({timers})', ru: 'нет активного таймера certbot ({timers})' },
  noneFound: { en: 'none found', ru: 'ни одного не найдено' },
  deployHook: { en: 'deploy hook: {hooks}', ru: 'deploy-хук: {hooks}' },
  noDeployHook: { en: 'no deploy hook', ru: 'нет deploy-хука' },
  enableRenewalFix: {
    en: 'Enable renewal: systemctl enable --now certbot.timer (certbot-renew.timer on the RHEL family).',
    ru: 'Включите обновление: systemctl enable --now certbot.timer (certbot-renew.timer в семействе RHEL).',
  },
  oldCertificateServed: {
    en: '{timers}; {hooks}: nginx keeps serving the old certificate after a renewal',
    ru: '{timers}; {hooks}: после обновления nginx продолжит отдавать старый сертификат',
  },
  deployHookFix: {
    en: 'Add a deploy hook: an executable /etc/letsencrypt/renewal-hooks/deploy/reload-nginx containing `systemctl reload nginx`.',
    ru: 'Добавьте deploy-хук: исполняемый файл /etc/letsencrypt/renewal-hooks/deploy/reload-nginx с командой `systemctl reload nginx`.',
  },
  couldNotCheck: { en: 'could not check: {error}', ru: 'не удалось проверить: {error}' },
});
