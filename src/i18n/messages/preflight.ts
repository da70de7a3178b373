/** The checks of this machine before anything is changed: each line, and what to do about it. */
import { defineMessages } from '../define.js';

export const preflightText = defineMessages('preflight', {
  // Root
  rootLabel: { en: 'Root', ru: 'Права root' },
  rootPass: { en: 'running as root', ru: 'запущено от root' },
  rootFail: {
    en: 'not running as root: installing packages and services needs root',
    ru: 'запущено не от root: для установки пакетов и служб нужен root',
  },
  rootFix: { en: 'Run it as root, e.g. `sudo npx matrix-setup`.', ru: 'Запустите от root, например `sudo npx matrix-setup`.' },

  // Operating system
  targetLabel: { en: 'Operating system', ru: 'Операционная система' },
  targetMismatch: {
    en: 'this machine is {here} ({hereArch}), but the install was planned for {planned} ({plannedArch})',
    ru: 'на этой машине {here} ({hereArch}), а установка планировалась для {planned} ({plannedArch})',
  },
  targetMismatchFix: {
    en: 'Run without --target on this machine, or run on a {planned} server.',
    ru: 'Запустите на этой машине без --target или запустите на сервере с {planned}.',
  },
  derivativeAs: { en: '{derivative}, handled as {name}', ru: '{derivative}, обрабатывается как {name}' },
  osReleaseUnread: {
    en: '/etc/os-release could not be read, so the distribution was not confirmed.',
    ru: 'Не удалось прочитать /etc/os-release, поэтому дистрибутив не подтверждён.',
  },
  targetDetail: { en: '{name} ({arch})', ru: '{name} ({arch})' },
  targetWarned: { en: '{name} ({arch}): {warnings}', ru: '{name} ({arch}): {warnings}' },

  // systemd
  systemdLabel: { en: 'systemd', ru: 'systemd' },
  systemdPass: { en: 'systemd is the init system', ru: 'systemd — система инициализации' },
  systemdFail: {
    en: 'systemd is not running (no /run/systemd/system): Synapse, PostgreSQL and nginx are run as systemd services',
    ru: 'systemd не запущен (нет /run/systemd/system): Synapse, PostgreSQL и nginx работают как службы systemd',
  },
  systemdFix: {
    en: 'Use a machine (or a container booted with systemd as PID 1) where systemd runs.',
    ru: 'Используйте машину (или контейнер, загруженный с systemd в роли PID 1), где работает systemd.',
  },

  // Memory
  memoryLabel: { en: 'Memory', ru: 'Память' },
  memoryDetail: { en: '{size} of RAM', ru: '{size} оперативной памяти' },
  memoryFail: { en: '{detail}: Synapse with PostgreSQL needs at least 1 GiB', ru: '{detail}: Synapse с PostgreSQL нужно не меньше 1 ГиБ' },
  memoryFailFix: { en: 'Use a server with at least 1 GiB of RAM (2 GiB recommended).', ru: 'Используйте сервер хотя бы с 1 ГиБ памяти (рекомендуется 2 ГиБ).' },
  memoryWarn: {
    en: '{detail}: enough for a few users, tight when joining large federated rooms',
    ru: '{detail}: хватит на несколько пользователей, но тесно при входе в большие федеративные комнаты',
  },
  memoryWarnFix: { en: '2 GiB or more is recommended; adding swap helps with peaks.', ru: 'Рекомендуется 2 ГиБ или больше; при пиковой нагрузке поможет файл подкачки.' },

  // Disk
  diskLabel: { en: 'Disk space', ru: 'Место на диске' },
  diskUnmeasured: { en: 'free space under /var could not be measured', ru: 'не удалось измерить свободное место в /var' },
  diskUnmeasuredFix: { en: 'Check with `df -h /var`: at least 10 GiB free is recommended.', ru: 'Проверьте командой `df -h /var`: рекомендуется не меньше 10 ГиБ свободного места.' },
  diskDetail: { en: '{size} free under {path}', ru: 'свободно {size} в {path}' },
  diskFail: {
    en: '{detail}: packages, the database and media need at least 2 GiB',
    ru: '{detail}: пакетам, базе данных и медиафайлам нужно не меньше 2 ГиБ',
  },
  diskFailFix: { en: 'Free up space on the filesystem holding {path}, or grow it.', ru: 'Освободите место в файловой системе с {path} или увеличьте её.' },
  diskWarn: { en: '{detail}: the database and uploaded media grow with use', ru: '{detail}: база данных и загруженные файлы со временем растут' },
  diskWarnFix: { en: 'Plan for 10 GiB or more; watch it with `df -h /var`.', ru: 'Рассчитывайте на 10 ГиБ или больше; следите за местом командой `df -h /var`.' },

  // Clock
  clockLabel: { en: 'Clock', ru: 'Часы' },
  clockWrong: {
    en: 'the clock says {time}, which cannot be right: certificates and federation would fail',
    ru: 'часы показывают {time}, а этого не может быть: сертификаты и федерация не будут работать',
  },
  clockWrongFix: {
    en: 'Set the time: `timedatectl set-ntp true` (or `date -s "YYYY-MM-DD HH:MM:SS"`).',
    ru: 'Установите время: `timedatectl set-ntp true` (или `date -s "ГГГГ-ММ-ДД ЧЧ:ММ:СС"`).',
  },
  clockUnsynced: {
    en: '{time}, not synchronised with NTP: a drifting clock breaks federation signatures and certificates',
    ru: '{time}, без синхронизации по NTP: неточные часы ломают подписи федерации и сертификаты',
  },
  clockUnsyncedFix: {
    en: 'Enable time synchronisation: `timedatectl set-ntp true` (needs systemd-timesyncd or chrony).',
    ru: 'Включите синхронизацию времени: `timedatectl set-ntp true` (нужен systemd-timesyncd или chrony).',
  },
  clockSynced: { en: '{time}, synchronised with NTP', ru: '{time}, синхронизировано по NTP' },
  clockUnknown: { en: '{time}, NTP status unknown', ru: '{time}, состояние NTP неизвестно' },

  // Sizes

  // Ports
  portLabel: { en: 'Port {port}', ru: 'Порт {port}' },
  portUnknown: {
    en: 'could not tell whether port {port} is free (neither ss nor /proc/net/tcp could be read)',
    ru: 'не удалось определить, свободен ли порт {port} (не читаются ни ss, ни /proc/net/tcp)',
  },
  portUnknownFix: {
    en: "Check with `ss -ltnp 'sport = :{port}'` that nothing but nginx listens on it.",
    ru: "Проверьте командой `ss -ltnp 'sport = :{port}'`, что его не слушает ничего, кроме nginx.",
  },
  free: { en: 'free', ru: 'свободен' },
  heldByNginx: { en: 'held by nginx, which matrix-setup configures', ru: 'занят nginx (его настраивает matrix-setup)' },
  heldByUnknown: {
    en: 'in use by a process matrix-setup could not identify (on {addresses})',
    ru: 'занят процессом, который matrix-setup не смог определить (на {addresses})',
  },
  heldByUnknownFix: { en: "Find it with `ss -ltnp 'sport = :{port}'`, stop it, and run again.", ru: "Найдите его командой `ss -ltnp 'sport = :{port}'`, остановите и запустите снова." },
  heldBy: { en: 'in use by {holders}', ru: 'занят: {holders}' },
  dockerFix: {
    en: 'A Docker container publishes port {port}: stop it or change its port mapping, then run again.',
    ru: 'Порт {port} публикует контейнер Docker: остановите его или измените проброс портов, затем запустите снова.',
  },
  serviceFix: {
    en: 'Stop and disable it (`systemctl disable --now {unit}`), or move it to another port, then run again.',
    ru: 'Остановите и отключите его (`systemctl disable --now {unit}`) или перенесите на другой порт, затем запустите снова.',
  },
  programFix: {
    en: "Stop {names} or move it to another port, then run again (`ss -ltnp 'sport = :{port}'` shows it).",
    ru: "Остановите {names} или перенесите на другой порт, затем запустите снова (`ss -ltnp 'sport = :{port}'` его покажет).",
  },

  // Ports on 127.0.0.1
  synapsePortLabel: { en: "Synapse's port 127.0.0.1:{port}", ru: 'Порт Synapse 127.0.0.1:{port}' },
  synapsePortSends: { en: 'the admin password and the registration secret go there', ru: 'туда передаются пароль администратора и секрет регистрации' },
  postgresPortLabel: { en: "PostgreSQL's port 127.0.0.1:{port}", ru: 'Порт PostgreSQL 127.0.0.1:{port}' },
  postgresPortSends: { en: "Synapse's database password goes there", ru: 'туда передаётся пароль Synapse к базе данных' },
  localUnknown: { en: 'could not tell whether it is free', ru: 'не удалось определить, свободен ли он' },
  localUnknownFix: {
    en: "Check with `ss -ltnp 'sport = :{port}'` that nothing but {program} listens on it.",
    ru: "Проверьте командой `ss -ltnp 'sport = :{port}'`, что его не слушает ничего, кроме {program}.",
  },
  heldByExpected: { en: 'held by {program}', ru: 'занят {program}' },
  unidentified: { en: 'a process matrix-setup could not identify', ru: 'процессом, который matrix-setup не смог определить' },
  localHeld: {
    en: 'in use by {holders}; {sends}, so another program must not listen there',
    ru: 'занят: {holders}; {sends}, поэтому другая программа не должна его слушать',
  },
  localHeldFix: {
    en: "Stop it or move it to another port (`ss -ltnp 'sport = :{port}'` shows it), then run again.",
    ru: "Остановите её или перенесите на другой порт (`ss -ltnp 'sport = :{port}'` её покажет), затем запустите снова.",
  },

  // DNS
  dnsLabel: { en: 'DNS {name}', ru: 'DNS {name}' },
  dnsIpAddress: { en: 'an IP address, no DNS record needed', ru: 'это IP-адрес, запись DNS не нужна' },
  thisPublicIpv4: { en: "<this machine's public IPv4>", ru: '<внешний IPv4 этой машины>' },
  recordsAnd: { en: '{first} and {second}', ru: '{first} и {second}' },
  dnsNotLookedUp: { en: 'not looked up', ru: 'не проверялось' },
  dnsNotLookedUpFix: { en: 'Make sure DNS has {records}.', ru: 'Убедитесь, что в DNS есть: {records}.' },
  dnsLookupFailed: { en: 'the lookup failed ({error})', ru: 'DNS-запрос не удался ({error})' },
  dnsNoAnswerWithin: { en: 'no answer within {seconds} s', ru: 'нет ответа за {seconds} с' },
  dnsLookupFailedFix: {
    en: "Check this machine's DNS resolver; the name needs {records}.",
    ru: 'Проверьте DNS-резолвер этой машины; для имени нужно: {records}.',
  },
  dnsNoRecord: { en: 'has no A or AAAA record', ru: 'нет записи A или AAAA' },
  dnsAddRecord: { en: 'Add the DNS record {records}{elsewhere}.', ru: 'Добавьте в DNS: {records}{elsewhere}.' },
  dnsHere: { en: '{addresses} (this machine)', ru: '{addresses} (эта машина)' },
  dnsPartlyHere: {
    en: "points here, but also to {records}, which is not this machine: some clients (and Let's Encrypt, which prefers IPv6) would reach the wrong server",
    ru: "указывает сюда, но также на {records}, а это не эта машина: часть клиентов (и Let's Encrypt, который предпочитает IPv6) попадёт не на тот сервер",
  },
  dnsPartlyHereFix: { en: 'Remove or correct those records; the name needs only {records}.', ru: 'Удалите или исправьте эти записи; для имени нужно только: {records}.' },
  dnsPrivateOnly: {
    en: 'points to {addresses}; this machine has only private addresses ({own}), so it could not confirm that is its public address',
    ru: 'указывает на {addresses}; у этой машины только внутренние адреса ({own}), поэтому подтвердить, что это её внешний адрес, нельзя',
  },
  none: { en: 'none', ru: 'нет' },
  dnsPrivateOnlyFix: {
    en: 'Fine if {addresses} forwards ports 80, 443 and 8448 to this machine (NAT); otherwise the name needs {records}{elsewhere}.',
    ru: 'Всё в порядке, если {addresses} перенаправляет порты 80, 443 и 8448 на эту машину (NAT); иначе для имени нужно: {records}{elsewhere}.',
  },
  dnsElsewhere: { en: 'points to {addresses}, not to this machine ({own})', ru: 'указывает на {addresses}, а не на эту машину ({own})' },
  dnsChangeRecord: { en: 'Change the DNS record to {records}{elsewhere}.', ru: 'Измените запись DNS на: {records}{elsewhere}.' },
  websiteElsewhere: {
    en: ', or, if {name} is a website hosted elsewhere, serve /.well-known/matrix/server and /.well-known/matrix/client there pointing at {host}',
    ru: ' или, если {name} — сайт на другом хостинге, отдавайте там /.well-known/matrix/server и /.well-known/matrix/client с указанием на {host}',
  },

  // Failure summary
  notReady: {
    en: { one: 'This machine is not ready ({count} problem):', other: 'This machine is not ready ({count} problems):' },
    ru: { one: 'Эта машина не готова ({count} проблема):', few: 'Эта машина не готова ({count} проблемы):', many: 'Эта машина не готова ({count} проблем):' },
  },
  thenRunAgain: { en: 'Then run matrix-setup again; nothing was changed.', ru: 'Затем запустите matrix-setup снова; ничего не изменено.' },
});
