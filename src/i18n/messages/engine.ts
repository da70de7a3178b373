/** What the engine says while it applies a plan: the changes it makes and what stops it. */
import { defineMessages } from '../define.js';

export const engineText = defineMessages('engine', {
  // Changes
  createdDirectory: { en: 'created {path}/', ru: 'создан каталог {path}/' },
  directoryOwnerMode: { en: 'set owner/mode of {path}/', ru: 'изменены владелец и права {path}/' },
  backedUp: { en: 'backed up {path} to {backup}', ru: 'резервная копия {path} сохранена в {backup}' },
  createdFile: { en: 'created {path}', ru: 'создан {path}' },
  updatedFile: { en: 'updated {path}', ru: 'обновлён {path}' },
  fileOwnerMode: { en: 'set owner/mode of {path}', ru: 'изменены владелец и права {path}' },
  installedPackages: { en: 'installed {packages}', ru: 'установлены пакеты: {packages}' },
  enabledUnit: { en: 'enabled {unit}', ru: 'включена служба {unit}' },
  startedUnit: { en: 'started {unit}', ru: 'запущена служба {unit}' },
  restartedUnit: { en: 'restarted {unit} (its configuration changed)', ru: 'перезапущена служба {unit} (изменилась её конфигурация)' },
  reloadedUnit: { en: 'reloaded {unit} (its configuration changed)', ru: 'перечитана конфигурация службы {unit} (она изменилась)' },

  // Refusals and failures
  ownerMissing: {
    en: '{path} should belong to {owner}:{group}, which does not exist.',
    ru: '{path} должен принадлежать {owner}:{group}, но такого пользователя или группы нет.',
  },
  ownerUserMissing: {
    en: '{path} should belong to {owner}:{group}, but that user does not exist.',
    ru: '{path} должен принадлежать {owner}:{group}, но такого пользователя нет.',
  },
  ownerGroupMissing: {
    en: '{path} should belong to {owner}:{group}, but that group does not exist.',
    ru: '{path} должен принадлежать {owner}:{group}, но такой группы нет.',
  },
  ownerMissingHint: {
    en: 'The package or step that creates it has not run; this is likely a bug in the step order.',
    ru: 'Пакет или шаг, который его создаёт, ещё не выполнялся; вероятно, это ошибка в порядке шагов.',
  },
  refusingToReplace: { en: 'Refusing to replace {path}: {reason}', ru: '{path} не будет заменён: {reason}' },
  refusingToReplaceHint: {
    en: 'Nothing was changed. Move the file away if it is no longer needed, or fix the answers.',
    ru: 'Ничего не изменено. Уберите файл, если он больше не нужен, или исправьте ответы.',
  },
  aptInstallHint: {
    en: 'Check the output above: a held or broken package (`apt-get -f install`), a full disk, or an unreachable mirror.',
    ru: 'Посмотрите вывод выше: зафиксированный (hold) или сломанный пакет (`apt-get -f install`), заполненный диск или недоступное зеркало.',
  },
  dnfInstallHint: {
    en: 'Check the output above: a disabled repository (EPEL/CRB), a full disk, or an unreachable mirror.',
    ru: 'Посмотрите вывод выше: выключенный репозиторий (EPEL/CRB), заполненный диск или недоступное зеркало.',
  },
  journalHint: { en: 'See `journalctl -u {unit} -n 50`.', ru: 'Смотрите `journalctl -u {unit} -n 50`.' },

  // The state directory
  stateDirUntrusted: {
    en: 'The state directory {dir} cannot be trusted: {why}. It holds the secrets and decides what later runs do as root.',
    ru: 'Каталогу состояния {dir} нельзя доверять: {why}. В нём хранятся секреты, и от него зависит, что следующие запуски делают от root.',
  },
  stateDirUntrustedHint: {
    en: "Nothing was changed. Check what is in it, then make it root's and private (chown -R root: {dir}; chmod 700 {dir}), or pass another --state-dir.",
    ru: 'Ничего не изменено. Проверьте его содержимое, затем сделайте его владельцем root и закройте доступ остальным (chown -R root: {dir}; chmod 700 {dir}) или укажите другой --state-dir.',
  },
  isSymlink: { en: 'it is a symbolic link', ru: 'это символическая ссылка' },
  isNotDirectory: { en: 'it is not a directory', ru: 'это не каталог' },
  belongsToUid: { en: 'it belongs to uid {uid}, not to {me}', ru: 'он принадлежит uid {uid}, а не {me}' },
  uid: { en: 'uid {uid}', ru: 'uid {uid}' },
  writableByEveryone: { en: 'it is writable by every user (mode {mode})', ru: 'в него может писать любой пользователь (права {mode})' },
  writableByGroup: { en: 'it is writable by its group (mode {mode})', ru: 'в него может писать его группа (права {mode})' },

  // No-follow file operations
  symlinkRefused: {
    en: '{path} is a symbolic link; matrix-setup does not follow links where it writes as root.',
    ru: '{path} — символическая ссылка; matrix-setup не переходит по ссылкам там, где пишет от root.',
  },
  symlinkRefusedHint: {
    en: 'Nothing was changed. See where it points with `ls -l {path}`; if the link is yours, replace it with the real file or directory, then resume.',
    ru: 'Ничего не изменено. Куда она указывает, покажет `ls -l {path}`; если это ваша ссылка, замените её настоящим файлом или каталогом и продолжите.',
  },
  notDirectory: { en: '{path} exists but is not a directory.', ru: '{path} существует, но это не каталог.' },
  notRegularFile: { en: '{path} exists but is not a regular file.', ru: '{path} существует, но это не обычный файл.' },
  moveAwayHint: { en: 'Nothing was changed. Move it away and resume.', ru: 'Ничего не изменено. Уберите его и продолжите.' },
  tooManyLinks: { en: '{path}: too many symbolic links on the way to it.', ru: '{path}: слишком много символических ссылок на пути к нему.' },
  writableByOthers: {
    en: '{dir} can be written by users other than root, so another user could swap {next}.',
    ru: 'В {dir} могут писать не только root, так что другой пользователь может подменить {next}.',
  },
  writableByUid: {
    en: '{dir} can be written by uid {uid}, so another user could swap {next}.',
    ru: 'В {dir} может писать uid {uid}, так что другой пользователь может подменить {next}.',
  },
  hardLinks: {
    en: '{path} has {count} hard links; matrix-setup does not change a file that also lives under another name.',
    ru: 'У {path} жёстких ссылок: {count}; matrix-setup не меняет файл, у которого есть другие имена.',
  },
  hardLinksHint: {
    en: 'Nothing was changed. Find the other names with `find / -xdev -samefile {path}`, replace the file with a copy of its own, then resume.',
    ru: 'Ничего не изменено. Другие имена найдёт `find / -xdev -samefile {path}`; замените файл его отдельной копией и продолжите.',
  },
  disappeared: { en: '{path} disappeared while matrix-setup was changing it.', ru: '{path} исчез, пока matrix-setup его изменял.' },
  resumeToRetry: { en: 'Resume to try again.', ru: 'Продолжите, чтобы попробовать снова.' },
});
