/** The command line: usage errors, what an install run says before and after, and the checks of the target. */
import { defineMessages } from '../define.js';

export const cliText = defineMessages('cli', {
  // Usage
  unknownCommand: { en: 'Unknown command "{name}". Commands: {commands}.', ru: 'Неизвестная команда "{name}". Команды: {commands}.' },
  unexpectedArgument: { en: 'Unexpected argument "{argument}".', ru: 'Лишний аргумент "{argument}".' },
  unknownLanguage: { en: '--lang {value}: the languages are {languages}.', ru: '--lang {value}: доступные языки — {languages}.' },
  optionNotForInstall: { en: '--{option} does not apply to an install.', ru: '--{option} не относится к установке.' },
  optionNotForCommand: { en: '--{option} does not apply to `{command}`.', ru: '--{option} не относится к `{command}`.' },
  targetOrOsRelease: { en: 'Give either --target or --os-release, not both.', ru: 'Укажите либо --target, либо --os-release, но не оба.' },
  planNeedsAnswers: {
    en: "`plan` needs --answers FILE (try examples/answers.yaml), or --restore ARCHIVE for a restore's plan.",
    ru: '`plan` нужен --answers ФАЙЛ (попробуйте examples/answers.yaml) или --restore АРХИВ для плана восстановления.',
  },
  restoreNeedsArchive: {
    en: '`restore` needs the archive: matrix-setup restore ARCHIVE [--answers FILE] [--yes].',
    ru: '`restore` нужен архив: matrix-setup restore АРХИВ [--answers ФАЙЛ] [--yes].',
  },
  toNeedsDirectory: { en: '--to needs a directory.', ru: '--to нужен каталог.' },
  notForRollback: {
    en: '--{option} does not apply to `upgrade --rollback`: it undoes the last upgrade as it was recorded.',
    ru: '--{option} не относится к `upgrade --rollback`: откат отменяет последнее обновление так, как оно было записано.',
  },
  jsonForCheck: { en: '--json applies to `upgrade --check`.', ru: '--json относится к `upgrade --check`.' },
  checkNeedsNoYes: { en: '`upgrade --check` changes nothing, so it needs no --yes.', ru: '`upgrade --check` ничего не меняет, поэтому --yes ему не нужен.' },
  tarballAndSha: {
    en: '--element-tarball and --element-sha256 go together: the tarball is only unpacked when its checksum matches.',
    ru: '--element-tarball и --element-sha256 указываются вместе: архив распаковывается, только если совпадает его контрольная сумма.',
  },
  shaFormat: {
    en: "--element-sha256 must be the tarball's SHA-256: 64 hexadecimal digits.",
    ru: '--element-sha256 должен быть SHA-256 архива: 64 шестнадцатеричные цифры.',
  },
  tarballFormat: { en: '--element-tarball must be an absolute path or an https:// URL.', ru: '--element-tarball должен быть абсолютным путём или URL https://.' },
  notAVersion: { en: '--to {value}: not a version.', ru: '--to {value}: это не версия.' },

  // Targets
  unknownTarget: { en: 'Unknown target "{target}".', ru: 'Неизвестная целевая система "{target}".' },
  supportedIds: { en: 'Supported: {ids}.', ru: 'Поддерживаются: {ids}.' },
  cannotRead: { en: 'Cannot read {path}.', ru: 'Не удалось прочитать {path}.' },
  noOsRelease: {
    en: 'Cannot read /etc/os-release, so the distribution is unknown.',
    ru: 'Не удалось прочитать /etc/os-release, поэтому дистрибутив неизвестен.',
  },
  supported: { en: 'Supported: {systems}', ru: 'Поддерживаются: {systems}' },
  notSupported: { en: 'Not supported: {reason}', ru: 'Не поддерживается: {reason}' },

  // Install and resume
  noAnswersNoTerminal: {
    en: 'No answers given and there is no terminal to ask them on.',
    ru: 'Ответы не заданы, а терминала, чтобы их спросить, нет.',
  },
  noAnswersNoTerminalHint: {
    en: 'Run `matrix-setup --answers FILE --yes` (start from examples/answers.yaml), or run matrix-setup in a terminal for the wizard.',
    ru: 'Выполните `matrix-setup --answers ФАЙЛ --yes` (за основу возьмите examples/answers.yaml) или запустите matrix-setup в терминале, чтобы открыть мастер.',
  },
  noRunToResume: { en: 'There is no run to resume (no {path}).', ru: 'Нет запуска, который можно продолжить (нет {path}).' },
  noRunToResumeHint: { en: 'Start an install with `matrix-setup --answers FILE`.', ru: 'Начните установку командой `matrix-setup --answers ФАЙЛ`.' },
  installNeedsRoot: {
    en: 'matrix-setup installs system packages and services, so it must run as root.',
    ru: 'matrix-setup устанавливает системные пакеты и службы, поэтому его нужно запускать от root.',
  },
  runAsRoot: { en: 'Run it again with sudo (or as root).', ru: 'Запустите снова через sudo (или от root).' },
  needsYes: { en: 'Without a terminal, matrix-setup needs --yes to change this machine.', ru: 'Без терминала matrix-setup нужен --yes, чтобы изменять эту машину.' },
  needsYesInstallHint: {
    en: 'Add --yes (see the plan first: `matrix-setup plan --answers FILE`).',
    ru: 'Добавьте --yes (сначала посмотрите план: `matrix-setup plan --answers ФАЙЛ`).',
  },
  needsYesHint: { en: 'Add --yes.', ru: 'Добавьте --yes.' },
  confirmInstall: {
    en: 'Install a Matrix homeserver for {server} on this {system} machine?',
    ru: 'Установить домашний сервер Matrix для {server} на эту машину ({system})?',
  },
  yesNo: { en: '[y/N]', ru: '[y/N]' },
  nothingChanged: { en: 'Nothing was changed.', ru: 'Ничего не изменено.' },
  stopping: { en: '{signal} received: stopping the running command…', ru: 'Получен {signal}: останавливается текущая команда…' },
  migratedAnswers: {
    en: 'Saved answers {path}: format {from} → {to}: {change}',
    ru: 'Сохранённые ответы {path}: формат {from} → {to}: {change}',
  },
  adoptAnswersNeedsYes: {
    en: '`adopt --answers FILE` takes over the server: add --yes (without --yes, adopt only looks and writes answers).',
    ru: '`adopt --answers ФАЙЛ` берёт сервер под управление: добавьте --yes (без --yes adopt только осматривает сервер и записывает ответы).',
  },
  adoptAnswersOutNotWithYes: {
    en: '--answers-out is for the first look (`matrix-setup adopt`); `adopt --yes` uses --answers FILE.',
    ru: '--answers-out нужен для первого осмотра (`matrix-setup adopt`); `adopt --yes` использует --answers ФАЙЛ.',
  },
});
