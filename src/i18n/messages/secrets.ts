/** Secrets the answers refer to (files and environment variables) and the ones matrix-setup generates. */
import { defineMessages } from '../define.js';

export const secretText = defineMessages('secrets', {
  isEmpty: { en: 'is empty', ru: 'пустое' },
  controlCharacter: {
    en: 'holds a line break or control character (U+{code}) at character {position}, which configuration files would not keep: use printable characters only',
    ru: 'содержит перевод строки или управляющий символ (U+{code}) в позиции {position}, который файлы конфигурации не сохранят: используйте только печатные символы',
  },
  blankEdges: {
    en: 'starts or ends with a blank, which configuration files would not keep',
    ru: 'начинается или заканчивается пробелом, который файлы конфигурации не сохранят',
  },
  envNotSet: {
    en: 'the environment variable {name} is not set (or empty): export it before running matrix-setup',
    ru: 'переменная окружения {name} не задана (или пуста): задайте её через export перед запуском matrix-setup',
  },
  envValue: { en: 'the value of the environment variable {name} {problem}', ru: 'значение переменной окружения {name} {problem}' },
  notRegularFile: { en: '{path} is not a regular file', ru: '{path} — не обычный файл' },
  doesNotExist: { en: '{path} does not exist', ru: '{path} не существует' },
  cannotRead: { en: '{path} cannot be read ({error})', ru: '{path} не читается ({error})' },
  firstLine: { en: 'the first line of {path} {problem}', ru: 'в первой строке {path} значение {problem}' },
  noReference: {
    en: 'The secret "{name}" is needed but the answers give no reference to it.',
    ru: 'Нужен секрет "{name}", но в ответах нет ссылки на него.',
  },
  noReferenceHint: { en: 'Add a *_file or *_env reference for it to the answers file.', ru: 'Добавьте для него в файл ответов ссылку *_file или *_env.' },
  envMissing: { en: 'The environment variable {env} (for {name}) is not set or empty.', ru: 'Переменная окружения {env} (для {name}) не задана или пуста.' },
  envMissingHint: {
    en: 'Export {env} before running matrix-setup, or use a *_file reference.',
    ru: 'Задайте {env} через export перед запуском matrix-setup или используйте ссылку *_file.',
  },
  fromEnv: { en: 'the environment variable {env}', ru: 'переменной окружения {env}' },
  fileMissing: { en: 'Cannot read {name} from {path}: missing or empty.', ru: 'Не удалось прочитать {name} из {path}: файла нет или он пуст.' },
  fileMissingHint: { en: 'Put the secret on the first line of {path} (mode 0600).', ru: 'Запишите секрет в первую строку {path} (режим 0600).' },
  unusable: { en: 'The {name} from {source} {problem}.', ru: '{name} из {source}: значение {problem}.' },
  unusableHint: { en: 'Change the secret (or where it comes from) and resume.', ru: 'Измените секрет (или его источник) и продолжите.' },
  verifyEnvMissing: {
    en: 'The environment variable {env} (database password) is not set.',
    ru: 'Переменная окружения {env} (пароль базы данных) не задана.',
  },
  verifyEnvMissingHint: { en: 'Export {env} and run verify again.', ru: 'Задайте {env} через export и запустите verify снова.' },
  verifySecretsUnreadable: { en: 'Cannot read {file} for the {name}: {error}', ru: 'Не удалось прочитать {file} ради {name}: {error}' },
  verifyAsRootHint: { en: 'Run verify as root on the server matrix-setup installed.', ru: 'Запустите verify от root на сервере, который установил matrix-setup.' },
  verifySecretMissing: { en: '{file} has no {name}.', ru: 'В {file} нет {name}.' },
  verifySecretMissingHint: { en: 'Run matrix-setup resume to finish the install first.', ru: 'Сначала завершите установку: matrix-setup resume.' },
  verifyPasswordUnreadable: { en: 'Cannot read the database password from {path}.', ru: 'Не удалось прочитать пароль базы данных из {path}.' },
  verifyPasswordUnreadableHint: {
    en: 'Run verify as root; the file must hold the password on its first line.',
    ru: 'Запустите verify от root; пароль должен быть в первой строке файла.',
  },
});
