/** The errors every command can end with, and what a failed command or an unexpected error says. */
import { defineMessages } from '../define.js';

export const errorText = defineMessages('errors', {
  usageHint: { en: 'Run `matrix-setup --help` for the commands and options.', ru: 'Команды и параметры: `matrix-setup --help`.' },
  invalidAnswers: {
    en: { one: 'Invalid answers ({count} problem):', other: 'Invalid answers ({count} problems):' },
    ru: { one: 'Ошибки в ответах ({count} проблема):', few: 'Ошибки в ответах ({count} проблемы):', many: 'Ошибки в ответах ({count} проблем):' },
  },
  answersHint: {
    en: 'Fix the answers file and run the same command again; nothing was changed.',
    ru: 'Исправьте файл ответов и выполните ту же команду снова; ничего не изменено.',
  },
  didYouMean: { en: ' (did you mean "{suggestion}"?)', ru: ' (может быть, "{suggestion}"?)' },
  topLevel: { en: '(top level)', ru: '(верхний уровень)' },
  locked: { en: 'Another matrix-setup run (PID {pid}) is in progress.', ru: 'Уже идёт другой запуск matrix-setup (PID {pid}).' },
  lockedHint: {
    en: 'Wait for it to finish. If no such process exists, remove {file}.',
    ru: 'Дождитесь его завершения. Если такого процесса нет, удалите {file}.',
  },
  interrupted: { en: 'Interrupted.', ru: 'Прервано.' },
  interruptedHint: { en: 'Run `matrix-setup resume` to continue where it stopped.', ru: 'Выполните `matrix-setup resume`, чтобы продолжить с места остановки.' },
  commandFailed: { en: 'Command failed with exit status {code}: {command}', ru: 'Команда завершилась с кодом {code}: {command}' },
  bugHint: {
    en: 'This looks like a bug in matrix-setup; the log file has the details.',
    ru: 'Похоже на ошибку в matrix-setup; подробности — в файле журнала.',
  },
  unexpected: { en: 'matrix-setup: unexpected error (a bug; please report it):', ru: 'matrix-setup: непредвиденная ошибка (это ошибка в программе; сообщите о ней, пожалуйста):' },
});
