/** `matrix-setup plan`: the steps, commands and files it would change, in words around them. */
import { defineMessages } from '../define.js';

export const planText = defineMessages('plan', {
  header: { en: 'Plan for {target} [{id}, {arch}]', ru: 'План для {target} [{id}, {arch}]' },
  headerFrom: { en: 'Plan for {target} [{id}, {arch}] from {file}', ru: 'План для {target} [{id}, {arch}] по {file}' },
  nothingChanged: {
    en: 'Nothing has been changed. Commands are shown as argument lists; secrets as <<secret:name>>.',
    ru: 'Ничего не изменено. Команды показаны списками аргументов, секреты — как <<secret:name>>.',
  },
  warning: { en: 'warning: {warning}', ru: 'предупреждение: {warning}' },
  skipped: { en: '{title} (skipped: {reason})', ru: '{title} (пропускается: {reason})' },
  after: { en: ' (after {steps})', ru: ' (после {steps})' },
  notDoneLastRun: { en: '(not done in the last run here: it will be applied)', ru: '(в прошлом запуске здесь не выполнен: будет применён)' },
  sameAsLastRun: { en: '(the same as in the last run here: only re-checked)', ru: '(так же, как в прошлом запуске здесь: только перепроверяется)' },
  differsFromLastRun: {
    en: '(differs from the last run here: what differs below is applied)',
    ru: '(отличается от прошлого запуска здесь: применяется то, что отличается ниже)',
  },
  file: { en: 'file {path} ({owner}:{group} {mode})', ru: 'файл {path} ({owner}:{group} {mode})' },
  thenRestart: { en: ', then restart {units}', ru: ', затем перезапуск {units}' },
  unchanged: { en: '(unchanged)', ru: '(без изменений)' },
  diffAgainstMachine: { en: 'diff against the file on this machine:', ru: 'отличия от файла на этой машине:' },
  directory: { en: 'directory {path}/ ({owner}:{group} {mode})', ru: 'каталог {path}/ ({owner}:{group} {mode})' },
  unlessExists: { en: ' unless {path} exists', ru: ', если нет {path}' },
  unlessSucceeds: { en: ' unless `{command}` succeeds', ru: ', если `{command}` не завершается успешно' },
  packages: { en: 'packages ({manager}): {names}', ru: 'пакеты ({manager}): {names}' },
  fromRepositories: { en: ' from {repositories}', ru: ' из {repositories}' },
  installedByStep: {
    en: ' (installed by step {step}; checked here, installed here only if missing)',
    ru: ' (их устанавливает шаг {step}; здесь они проверяются и ставятся, только если их нет)',
  },
  forStep: { en: 'for {step}: {names}', ru: 'для {step}: {names}' },
  checkedFirst: { en: 'checked first: {check}', ru: 'сначала проверяется: {check}' },
  repositoryFirst: { en: 'repository {repository}, set up first:', ru: 'репозиторий {repository}, настраивается сначала:' },
  oncePerRun: { en: 'once per run, before its first install', ru: 'один раз за запуск, перед первой установкой' },
  service: {
    en: 'service {unit}: enabled and running, restarted when its configuration changes',
    ru: 'служба {unit}: включена и запущена, перезапускается при изменении конфигурации',
  },
});
