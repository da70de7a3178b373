/**
 * `matrix-setup --help`: the whole usage text, one per language (command names and options stay
 * as they are). Every line fits 80 columns: each command or option on its own line, what it
 * does indented below it.
 */
import { defineMessages } from '../define.js';

export const helpText = defineMessages('help', {
  usage: {
    en: `matrix-setup: turn this server into a working, federating Matrix homeserver
(Synapse on PostgreSQL behind nginx, a Let's Encrypt certificate, Element Web,
an admin account).

Usage
  matrix-setup
      the interactive wizard (needs a terminal)
  matrix-setup --answers FILE [--yes]
      install from an answers file
  matrix-setup plan --answers FILE [--target ID | --os-release FILE] [--json]
      show every step, command and file; change nothing
  matrix-setup status [--json]
      where the last run stands, step by step
  matrix-setup resume
      continue the last run with its saved answers
  matrix-setup verify [--server-name NAME] [--ca FILE] [--json]
      check the server as clients and other servers see it
  matrix-setup upgrade --check [--json]
      installed and available versions of Synapse and Element Web, and what
      stands in the way
  matrix-setup upgrade [--to VERSION] [--yes] [--no-backup]
      back up, upgrade Synapse (only its package, or pip in its virtualenv) and
      Element Web, restart, verify
  matrix-setup upgrade --rollback [--yes]
      undo the last upgrade
  matrix-setup backup [--to DIR] [--no-media] [--json]
      one archive of this server (database, signing key, config, secrets,
      certificate, media); prints its path
  matrix-setup restore ARCHIVE [--answers FILE] [--yes] [--replace-database]
      this server from a backup, on a fresh machine
  matrix-setup plan --restore ARCHIVE [--answers FILE] [--target ID]
      show what restoring that backup would do
  matrix-setup adopt [--answers-out FILE] [--json]
      look at a Synapse set up by hand (changes nothing), write answers that
      reproduce it, show the plan
  matrix-setup adopt --yes [--answers FILE]
      take that Synapse over (SQLite moves to PostgreSQL)

Options
  -a, --answers FILE
      answers file (YAML, version 1; see examples/answers.yaml)
  -y, --yes
      do not ask before changing the machine (required without a terminal)
  --target ID
      plan for another distro: debian-12, debian-13, debian-unstable,
      ubuntu-24.04, rocky-9, almalinux-9, rhel-8, centos-stream-9, ...
  --os-release FILE
      plan for the distro described by this os-release file
  --json
      machine-readable output (plan, status, verify, upgrade --check, backup)
  --ca FILE
      verify: also trust this CA (PEM) for the server's certificate (a private
      ACME CA, or a test CA)
  --to VERSION
      upgrade: the Synapse release (or exact package version) to go to
  --to DIR
      backup: where the archive goes (default /var/backups/matrix-setup)
  --no-backup
      upgrade: take no backup first (a rollback cannot bring the database back)
  --element-tarball FILE --element-sha256 HEX
      upgrade: the Element Web release to switch to (offline servers)
  --no-media
      backup: leave out the uploaded media
  --replace-database
      restore: load the backup even where the database holds other data of this
      server (it is kept under another name, never dropped)
  --lang en|ru
      the language of the wizard and of every message (default: from LC_ALL,
      LC_MESSAGES or LANG; ru_* is Russian, anything else English)
  --plain
      plain line output even on a terminal
  --verbose
      print every line of command output (the log always has it)
  --state-dir DIR
      state, saved answers and generated secrets (default /var/lib/matrix-setup)
  --log-file FILE
      this run's log (default /var/log/matrix-setup/run-<time>.log)
  --package-lock-wait MINUTES
      install, resume, upgrade, restore: how long to wait while another program
      (unattended-upgrades, apt, dnf) uses the package manager (default 15;
      0: do not wait)
  -h, --help
      this help
  -v, --version
      the version

Examples
  matrix-setup plan --answers examples/answers.yaml --target debian-12
  sudo matrix-setup --answers /root/matrix.yaml --yes
  sudo matrix-setup resume
  matrix-setup upgrade --check
  sudo matrix-setup upgrade && sudo matrix-setup upgrade --rollback
  sudo matrix-setup backup --to /mnt/backups
  sudo bash install.sh restore /root/matrix-setup-backup-….tar --yes
  sudo matrix-setup adopt
  sudo matrix-setup adopt --yes --answers adopt-answers.yaml

Exit status
  0    done
  1    a step failed
  2    bad usage or invalid answers (nothing was changed)
  3    this host is refused (unsupported distro, not root, preflight failed,
       a server adopt cannot take over)
  130  interrupted
`,
    ru: `matrix-setup: превращает этот сервер в работающий домашний сервер Matrix
с федерацией (Synapse на PostgreSQL за nginx, сертификат Let's Encrypt,
Element Web, учётная запись администратора).

Использование
  matrix-setup
      интерактивный мастер (нужен терминал)
  matrix-setup --answers ФАЙЛ [--yes]
      установить по файлу ответов
  matrix-setup plan --answers ФАЙЛ [--target ID | --os-release ФАЙЛ] [--json]
      показать каждый шаг, команду и файл; ничего не менять
  matrix-setup status [--json]
      на каком шаге остановился последний запуск
  matrix-setup resume
      продолжить последний запуск с его сохранёнными ответами
  matrix-setup verify [--server-name ИМЯ] [--ca ФАЙЛ] [--json]
      проверить сервер так, как его видят клиенты и другие серверы
  matrix-setup upgrade --check [--json]
      установленные и доступные версии Synapse и Element Web и что мешает
      обновлению
  matrix-setup upgrade [--to ВЕРСИЯ] [--yes] [--no-backup]
      сделать резервную копию, обновить Synapse (только его пакет или pip в его
      virtualenv) и Element Web, перезапустить, проверить
  matrix-setup upgrade --rollback [--yes]
      отменить последнее обновление
  matrix-setup backup [--to КАТАЛОГ] [--no-media] [--json]
      один архив этого сервера (база данных, ключ подписи, конфигурация,
      секреты, сертификат, медиафайлы); выводит путь к нему
  matrix-setup restore АРХИВ [--answers ФАЙЛ] [--yes] [--replace-database]
      восстановить этот сервер из резервной копии на новой машине
  matrix-setup plan --restore АРХИВ [--answers ФАЙЛ] [--target ID]
      показать, что сделает восстановление из этой резервной копии
  matrix-setup adopt [--answers-out ФАЙЛ] [--json]
      осмотреть Synapse, настроенный вручную (ничего не меняя), записать ответы,
      которые его воспроизводят, показать план
  matrix-setup adopt --yes [--answers ФАЙЛ]
      взять этот Synapse под управление (SQLite переносится в PostgreSQL)

Параметры
  -a, --answers ФАЙЛ
      файл ответов (YAML, version 1; пример: examples/answers.yaml)
  -y, --yes
      не спрашивать перед изменением машины (обязательно без терминала)
  --target ID
      план для другого дистрибутива: debian-12, debian-13, debian-unstable,
      ubuntu-24.04, rocky-9, almalinux-9, rhel-8, centos-stream-9, ...
  --os-release ФАЙЛ
      план для дистрибутива, описанного этим файлом os-release
  --json
      вывод для программ (plan, status, verify, upgrade --check, backup)
  --ca ФАЙЛ
      verify: также доверять этому ЦС (PEM) при проверке сертификата сервера
      (частный ЦС ACME или тестовый ЦС)
  --to ВЕРСИЯ
      upgrade: выпуск Synapse (или точная версия пакета), до которого обновить
  --to КАТАЛОГ
      backup: куда положить архив (по умолчанию /var/backups/matrix-setup)
  --no-backup
      upgrade: не делать резервную копию (откат не сможет вернуть базу данных)
  --element-tarball ФАЙЛ --element-sha256 HEX
      upgrade: выпуск Element Web, на который перейти (серверы без интернета)
  --no-media
      backup: не включать загруженные медиафайлы
  --replace-database
      restore: загрузить резервную копию, даже если в базе данных уже есть
      другие данные этого сервера (они сохраняются под другим именем и не
      удаляются)
  --lang en|ru
      язык мастера и всех сообщений (по умолчанию из LC_ALL, LC_MESSAGES или
      LANG: ru_* — русский, всё остальное — английский)
  --plain
      простой построчный вывод даже в терминале
  --verbose
      выводить каждую строку вывода команд (в журнале она есть всегда)
  --state-dir КАТАЛОГ
      состояние, сохранённые ответы и созданные секреты
      (по умолчанию /var/lib/matrix-setup)
  --log-file ФАЙЛ
      журнал этого запуска (по умолчанию /var/log/matrix-setup/run-<время>.log)
  --package-lock-wait МИНУТЫ
      install, resume, upgrade, restore: сколько ждать, пока менеджер пакетов
      занят другой программой (unattended-upgrades, apt, dnf); по умолчанию 15,
      0 — не ждать
  -h, --help
      эта справка
  -v, --version
      версия

Примеры
  matrix-setup plan --answers examples/answers.yaml --target debian-12
  sudo matrix-setup --answers /root/matrix.yaml --yes
  sudo matrix-setup resume
  matrix-setup upgrade --check
  sudo matrix-setup upgrade && sudo matrix-setup upgrade --rollback
  sudo matrix-setup backup --to /mnt/backups
  sudo bash install.sh restore /root/matrix-setup-backup-….tar --yes
  sudo matrix-setup adopt
  sudo matrix-setup adopt --yes --answers adopt-answers.yaml
  sudo matrix-setup --lang ru --answers /root/matrix.yaml --yes

Код завершения
  0    готово
  1    шаг не удался
  2    неверные параметры или ответы (ничего не изменено)
  3    этот хост не подходит (неподдерживаемый дистрибутив, не root,
       предварительные проверки не пройдены, сервер, который adopt не может
       взять под управление)
  130  прервано
`,
  },
});
