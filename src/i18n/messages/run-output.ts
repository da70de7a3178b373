/** The plain line output of a run (no terminal, or --plain) and the block a failed step leaves. */
import { defineMessages } from '../define.js';

export const runText = defineMessages('run-output', {
  stepFailed: { en: 'Step "{step}" failed: {message}', ru: 'Шаг «{step}» завершился ошибкой: {message}' },
  lastOutput: { en: 'Last output:', ru: 'Последний вывод:' },
  hint: { en: 'Hint: {hint}', ru: 'Подсказка: {hint}' },
  log: { en: 'Log: {file}', ru: 'Журнал: {file}' },
  stoppedDuring: { en: 'Stopped during "{step}". Continue with: {command}', ru: 'Остановлено на шаге «{step}». Продолжить: {command}' },
  continueWith: { en: 'After fixing the cause, continue with: {command}', ru: 'Устраните причину и продолжите командой: {command}' },
});
