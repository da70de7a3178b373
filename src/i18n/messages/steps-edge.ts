/** What faces the internet: nginx, the TLS certificate and Element Web. */
import { defineMessages } from '../define.js';

export const edgeText = defineMessages('steps-edge', {
  // nginx
  httpTitle: { en: 'nginx on port 80', ru: 'nginx на порту 80' },
  httpTask: { en: 'nginx on port 80 for {names}: ACME challenges, redirect to HTTPS', ru: 'nginx на порту 80 для {names}: проверки ACME, переадресация на HTTPS' },
  httpsTitle: { en: 'nginx on HTTPS', ru: 'nginx на HTTPS' },
  httpsTask: { en: 'nginx on {ports} for {names}', ru: 'nginx на {ports} для {names}' },
  nothingListens: {
    en: { one: 'nginx accepted the configuration, but nothing listens on port {ports}.', other: 'nginx accepted the configuration, but nothing listens on port {ports}.' },
    ru: {
      one: 'nginx принял конфигурацию, но порт {ports} никто не слушает.',
      few: 'nginx принял конфигурацию, но порты {ports} никто не слушает.',
      many: 'nginx принял конфигурацию, но порты {ports} никто не слушает.',
    },
  },
  nothingListensHint: {
    en: { one: 'See `journalctl -u nginx -n 50` and `ss -ltnp`: another program may hold the port. Free it and resume.', other: 'See `journalctl -u nginx -n 50` and `ss -ltnp`: another program may hold the ports. Free it and resume.' },
    ru: {
      one: 'Смотрите `journalctl -u nginx -n 50` и `ss -ltnp`: порт может занимать другая программа. Освободите его и продолжите.',
      few: 'Смотрите `journalctl -u nginx -n 50` и `ss -ltnp`: порты может занимать другая программа. Освободите их и продолжите.',
      many: 'Смотрите `journalctl -u nginx -n 50` и `ss -ltnp`: порты может занимать другая программа. Освободите их и продолжите.',
    },
  },
  externalWellKnown: {
    en: '{server} is not served from this machine (delegation: none). For Matrix IDs ending in :{server} to work, the web server of {server} must serve these files as application/json with the header "Access-Control-Allow-Origin: *":\n  {files}',
    ru: '{server} обслуживается не с этой машины (delegation: none). Чтобы работали идентификаторы Matrix, оканчивающиеся на :{server}, веб-сервер {server} должен отдавать эти файлы как application/json с заголовком "Access-Control-Allow-Origin: *":\n  {files}',
  },
  federationOff: { en: 'Federation is off: other Matrix servers cannot reach this one.', ru: 'Федерация выключена: другие серверы Matrix не могут связаться с этим.' },
  whenDiffers: { en: 'when its content differs (the old file is kept under {dir})', ru: 'если содержимое отличается (прежний файл сохраняется в {dir})' },
  whenLinkMissing: { en: 'when the link is missing or points elsewhere', ru: 'если ссылки нет или она указывает в другое место' },
  whenTest: { en: 'before any reload; on failure the previous files are restored', ru: 'перед перечитыванием; при ошибке прежние файлы восстанавливаются' },
  whenReload: { en: 'when nginx runs and the test passed', ru: 'если nginx работает и проверка пройдена' },
  whenStart: { en: 'when nginx is not running', ru: 'если nginx не запущен' },
  notALink: {
    en: '{path} exists and is not a symbolic link; matrix-setup will not replace it.',
    ru: '{path} существует и не является символической ссылкой; matrix-setup не будет его заменять.',
  },
  notALinkTwiceHint: {
    en: 'Move it away (the site would be enabled twice otherwise) and resume. Nothing was changed.',
    ru: 'Уберите его (иначе сайт будет включён дважды) и продолжите. Ничего не изменено.',
  },
  notALinkHint: { en: 'Move it away and resume.', ru: 'Уберите его и продолжите.' },
  nginxRejected: {
    en: "nginx rejected the new configuration ({command}); the previous files are back and nginx keeps serving as before.",
    ru: 'nginx не принял новую конфигурацию ({command}); прежние файлы возвращены, и nginx работает как раньше.',
  },
  nginxRejectedHint: {
    en: 'The output names the file and line. This is likely a bug in matrix-setup or a conflicting server block of your own; fix it and resume.',
    ru: 'В выводе указаны файл и строка. Вероятно, это ошибка в matrix-setup или конфликтующий блок server в вашей собственной конфигурации; исправьте и продолжите.',
  },
  nginxBroken: {
    en: "nginx's configuration fails its test even without matrix-setup's change, so the change was not applied.",
    ru: 'Конфигурация nginx не проходит проверку и без изменений matrix-setup, поэтому изменения не применены.',
  },
  nginxBrokenHint: {
    en: "Run `{command}`, fix what it reports (it is not in matrix-setup's files), then resume.",
    ru: 'Выполните `{command}`, исправьте то, о чём он сообщит (это не в файлах matrix-setup), и продолжите.',
  },
  keptPrevious: { en: 'Kept the previous version as {backup}', ru: 'Прежняя версия сохранена как {backup}' },
  reloadFailedHint: {
    en: 'nginx accepted the configuration but did not reload; see `journalctl -u nginx -n 50`.',
    ru: 'nginx принял конфигурацию, но не перечитал её; смотрите `journalctl -u nginx -n 50`.',
  },
  startFailedHint: {
    en: 'See `journalctl -u nginx -n 50`: another program may hold port 80, 443 or 8448.',
    ru: 'Смотрите `journalctl -u nginx -n 50`: порт 80, 443 или 8448 может занимать другая программа.',
  },
  placeholderCertificate: {
    en: 'Make a certificate for no real name, for the default server of this nginx (it cannot refuse a TLS handshake)',
    ru: 'Создать сертификат без настоящего имени для сервера nginx по умолчанию (он не умеет отказывать в TLS-рукопожатии)',
  },

  // Certificate
  tlsTitle: { en: 'TLS certificate', ru: 'TLS-сертификат' },
  selfSignedWarning: {
    en: 'The certificate is self-signed: fine for a trial, but other Matrix servers refuse to federate with it and most clients and browsers refuse or warn. Switch tls.mode to letsencrypt (or existing) for real use.',
    ru: 'Сертификат самоподписанный: для пробы годится, но другие серверы Matrix откажутся от федерации с ним, а большинство клиентов и браузеров откажутся подключаться или предупредят. Для настоящей работы переключите tls.mode на letsencrypt (или existing).',
  },
  unusable: { en: 'The certificate cannot be used: {problems}.', ru: 'Сертификат нельзя использовать: {problems}.' },
  existingUnusable: { en: 'tls: the existing certificate cannot be used: {problems}.', ru: 'tls: имеющийся сертификат нельзя использовать: {problems}.' },
  sentence: { en: '{text}.', ru: '{text}.' },
  renewIt: { en: '{warning}; renew it and replace the file.', ru: '{warning}; обновите его и замените файл.' },
  existingHint: {
    en: 'Give tls.cert_path (full chain) and tls.key_path of a current certificate that names every host, then resume.',
    ru: 'Укажите tls.cert_path (полная цепочка) и tls.key_path действующего сертификата, в котором есть все хосты, и продолжите.',
  },
  certbotHint: {
    en: "Resume to request it again; certbot's log is /var/log/letsencrypt/letsencrypt.log.",
    ru: 'Продолжите, чтобы запросить его снова; журнал certbot — /var/log/letsencrypt/letsencrypt.log.',
  },
  existingTask: {
    en: 'Check {fullchain} and {privkey}: the key matches, {names} covered, not expired',
    ru: 'Проверить {fullchain} и {privkey}: ключ подходит, {names} покрыты, срок не истёк',
  },
  selfSignedTask: { en: 'Make a self-signed certificate for {names} (trials only)', ru: 'Создать самоподписанный сертификат для {names} (только для проб)' },
  whenNoCertificate: {
    en: 'when there is none for these names, or it expires within 14 days',
    ru: 'если для этих имён его нет или его срок истекает в течение 14 дней',
  },
  certbotTask: { en: 'Obtain a certificate for {names} from {server}', ru: 'Получить сертификат для {names} у {server}' },
  whenNotCovered: { en: 'when no certificate covers these names yet', ru: 'если эти имена ещё не покрыты сертификатом' },
  whenNotCoveredTrusting: {
    en: 'when no certificate covers these names yet; with REQUESTS_CA_BUNDLE={bundle} in its environment',
    ru: 'если эти имена ещё не покрыты сертификатом; с REQUESTS_CA_BUNDLE={bundle} в окружении',
  },
  whenOtherServer: { en: 'instead, when the certificate came from another ACME server', ru: 'вместо этого, если сертификат выдан другим сервером ACME' },
  whenOtherServerTrusting: {
    en: 'instead, when the certificate came from another ACME server; with REQUESTS_CA_BUNDLE={bundle} in its environment',
    ru: 'вместо этого, если сертификат выдан другим сервером ACME; с REQUESTS_CA_BUNDLE={bundle} в окружении',
  },
  whenIssued: { en: 'after issuance, when nginx runs', ru: 'после выпуска, если nginx работает' },
  requestingNew: { en: 'Requesting a new certificate: {problems}.', ru: 'Запрашивается новый сертификат: {problems}.' },
  fromOtherServer: { en: 'The certificate came from {from}; requesting one from {server}.', ru: 'Сертификат выдан {from}; запрашивается новый у {server}.' },
  unknownAcmeServer: { en: 'an unknown ACME server', ru: 'неизвестным сервером ACME' },
  acmeHint: {
    en: 'The ACME server must reach http://<name>/.well-known/acme-challenge/ for {names}: each name needs a DNS record pointing at this machine and port 80 open (also at your cloud provider). If server_name is a website hosted elsewhere, set `delegation: none` and serve the delegation files there. Details: {log}',
    ru: 'Сервер ACME должен достучаться до http://<имя>/.well-known/acme-challenge/ для {names}: каждому имени нужна запись DNS, указывающая на эту машину, и открытый порт 80 (в том числе у облачного провайдера). Если server_name — сайт на другом хостинге, укажите `delegation: none` и отдавайте файлы делегирования там. Подробности: {log}',
  },
  certificateDoesNotFit: { en: 'certbot finished, but the certificate it left does not fit.', ru: 'certbot завершился, но полученный сертификат не подходит.' },
  certbotLog: { en: "See certbot's log in {dir}.", ru: 'Смотрите журнал certbot в {dir}.' },
  theCertificate: { en: 'the certificate', ru: 'сертификат' },
  theKey: { en: 'the key', ru: 'ключ' },
  notPem: { en: '{cert} is not a PEM certificate ({error})', ru: '{cert} — не сертификат PEM ({error})' },
  keyMismatch: { en: '{key} does not belong to {cert}', ru: '{key} не соответствует {cert}' },
  keyUnreadable: {
    en: '{key} is not a readable, unencrypted PEM private key ({error})',
    ru: '{key} — не читаемый незашифрованный закрытый ключ PEM ({error})',
  },
  notCovered: { en: '{cert} does not cover {missing} (it covers {covered})', ru: '{cert} не покрывает {missing} (покрывает: {covered})' },
  noNames: { en: 'no names', ru: 'никаких имён' },
  expiredOn: { en: '{cert} expired on {date}', ru: 'срок {cert} истёк {date}' },
  notYetValid: { en: '{cert} is not valid before {date}', ru: '{cert} действует только с {date}' },
  expiresIn: {
    en: { one: '{cert} expires in {count} day ({date})', other: '{cert} expires in {count} days ({date})' },
    ru: { one: 'срок {cert} истекает через {count} день ({date})', few: 'срок {cert} истекает через {count} дня ({date})', many: 'срок {cert} истекает через {count} дней ({date})' },
  },
  cannotRead: { en: 'cannot read {path} ({error})', ru: 'не удалось прочитать {path} ({error})' },

  // Element Web
  elementTitle: { en: 'Element Web', ru: 'Element Web' },
  elementOff: { en: 'element.enabled is false', ru: 'в ответах element.enabled: false' },
  elementSharesHost: {
    en: 'Element Web shares {host} with the homeserver; Element advises its own host name (such as element.{server}) to contain cross-site scripting.',
    ru: 'Element Web работает на одном хосте {host} с домашним сервером; разработчики Element советуют отдельное имя хоста (например, element.{server}), чтобы ограничить межсайтовый скриптинг.',
  },
  whenKeyIs: { en: 'the key must be {fingerprint}', ru: 'ключ должен быть {fingerprint}' },
  whenGoodSignature: { en: 'a good signature by {fingerprint}, or nothing is unpacked', ru: 'верная подпись ключом {fingerprint}, иначе ничего не распаковывается' },
  whenChecksum: { en: 'must be {sha256}, or nothing is unpacked (checked in-process)', ru: 'должна быть {sha256}, иначе ничего не распаковывается (проверяется внутри программы)' },
  topDirectory: { en: '<top directory>', ru: '<каталог верхнего уровня>' },
  releaseSigned: { en: 'Element Web {version} (signature checked)', ru: 'Element Web {version} (подпись проверена)' },
  releaseFrom: { en: 'Element Web from {location} (sha256 checked)', ru: 'Element Web из {location} (sha256 проверена)' },
  installRelease: { en: 'Install {what} into {dir}', ru: 'Установить {what} в {dir}' },
  downloadHint: {
    en: 'This machine must reach github.com and packages.element.io; on an offline server give element.tarball and element.sha256 instead.',
    ru: 'Эта машина должна иметь доступ к github.com и packages.element.io; на сервере без интернета укажите вместо этого element.tarball и element.sha256.',
  },
  tarballMissing: { en: 'element.tarball: {path} does not exist.', ru: 'element.tarball: {path} не существует.' },
  tarballMissingHint: { en: 'Copy the release tarball there, or fix element.tarball, and resume.', ru: 'Скопируйте туда архив выпуска или исправьте element.tarball и продолжите.' },
  checksumMismatch: {
    en: 'element.tarball: {location} has SHA-256 {actual}, but element.sha256 says {expected}. Nothing was unpacked.',
    ru: 'element.tarball: у {location} SHA-256 {actual}, а в element.sha256 указано {expected}. Ничего не распаковано.',
  },
  checksumMismatchHint: {
    en: 'The file is damaged or not the release you meant. Download it again (and its checksum from a source you trust), then resume.',
    ru: 'Файл повреждён или это не тот выпуск. Загрузите его снова (и контрольную сумму из источника, которому доверяете) и продолжите.',
  },
  unpackHint: { en: 'The tarball could not be unpacked: is it an Element Web release (.tar.gz)?', ru: 'Архив не распаковывается: это точно выпуск Element Web (.tar.gz)?' },
  notARelease: {
    en: 'The tarball does not look like an Element Web release: expected one directory with index.html, found {found}.',
    ru: 'Архив не похож на выпуск Element Web: ожидался один каталог с index.html, а найдено: {found}.',
  },
  nothing: { en: 'nothing', ru: 'ничего' },
  notAReleaseHint: {
    en: 'Use a release tarball from https://github.com/element-hq/element-web/releases.',
    ru: 'Используйте архив выпуска с https://github.com/element-hq/element-web/releases.',
  },
  movedAside: { en: 'Moved the existing {path} to {aside}.', ru: 'Существующий {path} перемещён в {aside}.' },
  wrongKey: {
    en: "The key at {url} is {found}, not Element's release key {fingerprint}. Nothing was unpacked.",
    ru: 'Ключ по адресу {url} — {found}, а не ключ выпусков Element {fingerprint}. Ничего не распаковано.',
  },
  noKey: { en: 'no key', ru: 'нет ключа' },
  wrongKeyHint: {
    en: 'Element may have rotated its key (check their announcement), or the download was tampered with. An offline tarball with element.sha256 is the alternative.',
    ru: 'Возможно, Element сменил ключ (проверьте их объявление), или загрузку подменили. Альтернатива — архив для установки без интернета с element.sha256.',
  },
  badSignature: {
    en: "The Element Web tarball's signature does not verify against {fingerprint}. Nothing was unpacked.",
    ru: 'Подпись архива Element Web не проходит проверку ключом {fingerprint}. Ничего не распаковано.',
  },
  badSignatureHint: {
    en: 'Run the install again (the download may have been cut short); if it keeps failing, do not use this tarball.',
    ru: 'Запустите установку снова (загрузка могла оборваться); если ошибка повторяется, не используйте этот архив.',
  },
  switchTask: { en: 'Point {link} at {release}', ru: 'Направить {link} на {release}' },
  switched: {
    en: 'Element Web switched from {before} to {release}; to go back: ln -sfn {before} {link}',
    ru: 'Element Web переключён с {before} на {release}; вернуть обратно: ln -sfn {before} {link}',
  },
});
