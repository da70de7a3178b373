/** `matrix-setup backup` and `restore`: the archive, its checks, and the steps that put a backup in place. */
import { defineMessages } from '../define.js';

export const backupText = defineMessages('backup', {
  // Writing a backup
  archiveTitle: { en: 'Write the backup archive', ru: 'Запись архива резервной копии' },
  partDatabase: {
    en: 'the database {name} (pg_dump -Fc while Synapse runs, without the rows of {tables})',
    ru: 'база данных {name} (pg_dump -Fc при работающем Synapse, без строк {tables})',
  },
  partSigningKey: { en: 'the signing key {path}', ru: 'ключ подписи {path}' },
  partAnswers: { en: "matrix-setup's answers and generated secrets", ru: 'ответы matrix-setup и сгенерированные секреты' },
  partWrittenFiles: { en: 'the nginx, coturn and systemd files matrix-setup wrote', ru: 'файлы nginx, coturn и systemd, записанные matrix-setup' },
  partCertificate: { en: 'the certificate', ru: 'сертификат' },
  partMedia: { en: 'the media ({dirs})', ru: 'медиафайлы ({dirs})' },
  partNoMedia: { en: 'no media (--no-media)', ru: 'без медиафайлов (--no-media)' },
  archiveTask: { en: 'Write a backup of {server} to {dir}/ (mode 0600): {parts}', ru: 'Записать резервную копию {server} в {dir}/ (режим 0600): {parts}' },
  whenStreamed: { en: 'its output streamed into the archive', ru: 'его вывод записывается в архив' },
  whenStreamedPassword: {
    en: 'its output streamed into the archive; PGPASSWORD={token} in its environment',
    ru: 'его вывод записывается в архив; PGPASSWORD={token} в окружении',
  },
  wrote: { en: 'Wrote {archive}.', ru: 'Записан {archive}.' },
  notEnoughSpace: {
    en: 'Not enough space in {dir}: the backup needs about {need} (database about {database}, media {media}, configuration {files}), and {free} is free there.',
    ru: 'Недостаточно места в {dir}: резервной копии нужно около {need} (база данных около {database}, медиафайлы {media}, конфигурация {files}), а свободно {free}.',
  },
  freeSpaceHint: {
    en: 'Nothing was written. Free some space, or back up to another disk with --to DIR.',
    ru: 'Ничего не записано. Освободите место или сохраните копию на другой диск с --to КАТАЛОГ.',
  },
  freeSpaceMediaHint: {
    en: 'Nothing was written. Free some space, or back up to another disk with --to DIR (or leave the media out with --no-media).',
    ru: 'Ничего не записано. Освободите место или сохраните копию на другой диск с --to КАТАЛОГ (или без медиафайлов с --no-media).',
  },
  dumping: {
    en: 'Dumping the database {name} (pg_dump -Fc, without the rows of {tables}).',
    ru: 'Выгрузка базы данных {name} (pg_dump -Fc, без строк {tables}).',
  },
  dumpHint: { en: 'Check that PostgreSQL runs (`matrix-setup verify` checks the database too).', ru: 'Проверьте, что PostgreSQL работает (`matrix-setup verify` проверяет и базу данных).' },
  secretFileUnreadable: {
    en: 'The answers take {secret} from {path}, which is not a readable file: it is not in the backup.',
    ru: 'Ответы берут {secret} из {path}, но это не читаемый файл: в резервную копию он не попал.',
  },
  signingKeyMissing: { en: 'The signing key {path} is missing.', ru: 'Ключа подписи {path} нет.' },
  signingKeyMissingHint: {
    en: "Without it the backup could not restore this server's identity. Check the Synapse configuration (signing_key_path) and run the backup again.",
    ru: 'Без него резервная копия не сможет восстановить идентичность этого сервера. Проверьте конфигурацию Synapse (signing_key_path) и запустите резервное копирование снова.',
  },
  mediaCounted: { en: 'Media: {files} files, {size} ({dirs}).', ru: 'Медиафайлы: файлов {files}, {size} ({dirs}).' },
  dumpSize: { en: 'Database dump: {size}.', ru: 'Выгрузка базы данных: {size}.' },
  sqliteCopyHint: {
    en: "Check that {path} is Synapse's SQLite database and that python3 is installed. Nothing was changed.",
    ru: 'Проверьте, что {path} — база данных SQLite сервера Synapse и что python3 установлен. Ничего не изменено.',
  },
  sqliteSize: { en: 'SQLite database: {size}.', ru: 'База данных SQLite: {size}.' },
  copyingSqlite: {
    en: "Copying the SQLite database {path} (SQLite's backup API: a consistent copy, the file itself only read).",
    ru: 'Копирование базы данных SQLite {path} (через backup API SQLite: согласованная копия, сам файл только читается).',
  },
  diskFull: {
    en: 'The disk under {dir} filled up while the backup was written; the unfinished archive was removed.',
    ru: 'Диск с {dir} заполнился во время записи резервной копии; незаконченный архив удалён.',
  },
  diskFullHint: {
    en: 'Free some space or back up to another disk with --to DIR, then run the backup again.',
    ru: 'Освободите место или сохраните копию на другой диск с --to КАТАЛОГ и запустите резервное копирование снова.',
  },
  notADirectory: { en: '{dir} is not a directory.', ru: '{dir} — не каталог.' },
  notADirectorySymlink: { en: '{dir} is not a directory (it is a symlink).', ru: '{dir} — не каталог (это символическая ссылка).' },
  chooseAnotherDirectory: { en: 'Choose another directory with --to DIR.', ru: 'Выберите другой каталог с --to КАТАЛОГ.' },
  notBackedUpKind: { en: 'Not backed up: {path} is not a file, directory or symlink.', ru: 'Не сохранено: {path} — не файл, не каталог и не символическая ссылка.' },
  notBackedUpHardLinks: { en: 'Not backed up: {path} has {count} hard links.', ru: 'Не сохранено: у {path} жёстких ссылок: {count}.' },
  notBackedUpMediaKind: { en: 'Not backed up: {path} is not a file or directory.', ru: 'Не сохранено: {path} — не файл и не каталог.' },
  notBackedUpMediaLink: {
    en: 'Not backed up: {path} is a symlink (Synapse writes plain files there).',
    ru: 'Не сохранено: {path} — символическая ссылка (Synapse пишет туда обычные файлы).',
  },
  noMediaStore: { en: 'The media store {store} does not exist yet: the backup holds no media.', ru: 'Хранилища медиафайлов {store} ещё нет: в резервной копии медиафайлов нет.' },

  // Reading an archive
  archiveHint: {
    en: 'Nothing was changed. Copy the archive again from where you keep your backups (or use an older one), then run the same command again.',
    ru: 'Ничего не изменено. Скопируйте архив заново оттуда, где храните резервные копии (или возьмите более старый), и выполните ту же команду снова.',
  },
  archiveMissing: { en: 'The archive {path} does not exist.', ru: 'Архива {path} нет.' },
  archiveUnreadable: { en: 'Cannot read the archive {path} ({error}).', ru: 'Не удалось прочитать архив {path} ({error}).' },
  archivePathHint: {
    en: 'Check the path (it is the last line `matrix-setup backup` printed). Nothing was changed.',
    ru: 'Проверьте путь (это последняя строка, которую вывел `matrix-setup backup`). Ничего не изменено.',
  },
  notAFile: { en: '{path} is not a file.', ru: '{path} — не файл.' },
  notAFileHint: {
    en: 'Pass the archive file that `matrix-setup backup` wrote. Nothing was changed.',
    ru: 'Укажите файл архива, который записал `matrix-setup backup`. Ничего не изменено.',
  },
  memberTwice: { en: 'The archive {path} holds {member} twice.', ru: 'В архиве {path} дважды есть {member}.' },
  damaged: { en: 'The archive {path} is damaged: {detail}.', ru: 'Архив {path} повреждён: {detail}.' },
  cannotRead: { en: 'Cannot read the archive {path}: {error}.', ru: 'Не удалось прочитать архив {path}: {error}.' },
  notABackup: { en: '{path} is not a matrix-setup backup (it has no {member}).', ru: '{path} — не резервная копия matrix-setup (в нём нет {member}).' },
  notABackupChecksum: {
    en: '{path} is not a matrix-setup backup (it has no {member} checksum).',
    ru: '{path} — не резервная копия matrix-setup (в нём нет контрольной суммы {member}).',
  },
  notABackupHint: {
    en: 'Pass an archive written by `matrix-setup backup`. Nothing was changed.',
    ru: 'Укажите архив, записанный `matrix-setup backup`. Ничего не изменено.',
  },
  manifestChecksum: { en: 'The archive {path} is damaged: {member} does not match its checksum.', ru: 'Архив {path} повреждён: {member} не совпадает со своей контрольной суммой.' },
  manifestProblem: { en: '{path}: {problem}.', ru: '{path}: {problem}.' },
  nothingChanged: { en: 'Nothing was changed.', ru: 'Ничего не изменено.' },
  memberDamaged: { en: 'The archive {path} is damaged: the member {member} {what}.', ru: 'Архив {path} повреждён: элемент {member} {what}.' },
  memberWrongType: { en: 'is a {actual}, not the {expected} the manifest lists', ru: '— {actual}, а не {expected}, как указано в манифесте' },
  memberWrongSize: { en: 'has {actual} bytes, not {expected}', ru: 'имеет размер в байтах {actual}, а не {expected}' },
  memberWrongLink: { en: 'points to {actual}, not {expected}', ru: 'указывает на {actual}, а не на {expected}' },
  memberUnlisted: { en: 'is not listed in the manifest', ru: 'не указан в манифесте' },
  memberIsMissing: { en: 'is missing', ru: 'отсутствует' },
  memberWrongHash: { en: 'does not match its sha256 in the manifest', ru: 'не совпадает со своей sha256 из манифеста' },
  archiveChanged: {
    en: 'The archive {path} changed since it was checked: {member} no longer matches its sha256.',
    ru: 'Архив {path} изменился после проверки: {member} больше не совпадает со своей sha256.',
  },
  archiveChangedHint: {
    en: 'Keep the archive unchanged while a restore runs, then run the same command again.',
    ru: 'Не меняйте архив, пока идёт восстановление, и выполните ту же команду снова.',
  },
  memberMissing: { en: 'The archive {path} has no {member}.', ru: 'В архиве {path} нет {member}.' },
  mediaNotTogether: {
    en: 'The archive {path} is not laid out as matrix-setup writes it: its media members are not together.',
    ru: 'Архив {path} устроен не так, как его пишет matrix-setup: его медиафайлы идут не подряд.',
  },

  // Restoring
  otherServerDatabase: {
    en: 'The database "{name}" belongs to the Synapse server "{owner}" (it holds the user {user}), not to {server}.',
    ru: 'База данных "{name}" принадлежит серверу Synapse "{owner}" (в ней есть пользователь {user}), а не {server}.',
  },
  otherServerDatabaseHint: {
    en: 'Restore into another database (database.name in an answers file given with --answers), or on another machine. Nothing was changed.',
    ru: 'Восстанавливайте в другую базу данных (database.name в файле ответов, переданном через --answers) или на другой машине. Ничего не изменено.',
  },
  synapseData: { en: 'Synapse data', ru: 'данные Synapse' },
  synapseDataOf: { en: 'Synapse data of {owner}', ru: 'данные Synapse сервера {owner}' },
  tables: {
    en: { one: '{count} table', other: '{count} tables' },
    ru: { one: '{count} таблица', few: '{count} таблицы', many: '{count} таблиц' },
  },
  databaseInUse: {
    en: 'The database "{name}" already holds {what} that was not restored from this backup; a restore never loads a backup over an existing database.',
    ru: 'В базе данных "{name}" уже есть данные, не восстановленные из этой резервной копии ({what}); восстановление никогда не загружает копию поверх существующей базы данных.',
  },
  databaseInUseHint: {
    en: "If the server running here is the one to keep, do not restore on this machine. To replace its database with the backup's, run the restore again with --replace-database: the current database is kept, renamed to {name}_before_restore_<time>. Nothing was changed.",
    ru: 'Если работающий здесь сервер нужно сохранить, не восстанавливайте на этой машине. Чтобы заменить его базу данных базой из копии, запустите восстановление снова с --replace-database: текущая база данных сохранится под именем {name}_before_restore_<время>. Ничего не изменено.',
  },
  checkTitle: { en: 'Check that the backup may be restored here', ru: 'Проверка того, можно ли восстановить копию здесь' },
  checkTask: {
    en: 'Check that no Synapse config here ({files}) names a server other than {server}, and that the database {name} is missing, empty or restored from backup {backup}',
    ru: 'Проверить, что ни одна конфигурация Synapse здесь ({files}) не называет сервер, кроме {server}, и что базы данных {name} нет, она пуста или восстановлена из копии {backup}',
  },
  checkTaskReplace: {
    en: 'Check that no Synapse config here ({files}) names a server other than {server}, and that the database {name} is missing, empty or restored from backup {backup} (one holding other data of this server is moved aside: --replace-database)',
    ru: 'Проверить, что ни одна конфигурация Synapse здесь ({files}) не называет сервер, кроме {server}, и что базы данных {name} нет, она пуста или восстановлена из копии {backup} (база с другими данными этого сервера убирается в сторону: --replace-database)',
  },
  whenPostgresRuns: { en: 'read-only, when PostgreSQL runs here already', ru: 'только чтение, если PostgreSQL здесь уже работает' },
  externalNeedsAdmin: {
    en: 'Restoring into an external database needs database.admin_user (and its password): the database is created fresh for the backup.',
    ru: 'Для восстановления во внешнюю базу данных нужен database.admin_user (и его пароль): база данных создаётся для копии заново.',
  },
  externalNeedsAdminHint: {
    en: 'Give the admin credentials in an answers file (--answers FILE), or restore into a local database. Nothing was changed.',
    ru: 'Укажите учётные данные администратора в файле ответов (--answers ФАЙЛ) или восстанавливайте в локальную базу данных. Ничего не изменено.',
  },
  alreadyRestored: { en: 'The database {name} was restored from this backup already.', ru: 'База данных {name} уже восстановлена из этой копии.' },
  willReplace: {
    en: 'The database {name} holds other data: it will be kept under another name, and the backup loaded into a fresh one.',
    ru: 'В базе данных {name} есть другие данные: она будет сохранена под другим именем, а копия загружена в новую.',
  },
  runsOtherSynapse: {
    en: 'This machine runs the Synapse of {other}; restore {server} on another one. Nothing was changed.',
    ru: 'На этой машине работает Synapse сервера {other}; восстанавливайте {server} на другой. Ничего не изменено.',
  },
  configProblem: { en: '{path}: {problem}.', ru: '{path}: {problem}.' },
  databaseTitle: { en: 'Restore the database from the backup', ru: 'Восстановление базы данных из копии' },
  databaseTask: {
    en: 'Load {member} into the empty database {name} in one transaction, empty e2e_one_time_keys_json, and mark the database "{marker}"',
    ru: 'Загрузить {member} в пустую базу данных {name} одной транзакцией, очистить e2e_one_time_keys_json и пометить базу данных "{marker}"',
  },
  whenEmptyOrRestored: {
    en: 'read-only: whether the database is empty or restored from this backup already',
    ru: 'только чтение: пуста ли база данных или уже восстановлена из этой копии',
  },
  whenReplace: { en: '--replace-database, when the database holds other data', ru: '--replace-database, если в базе данных есть другие данные' },
  whenThenKept: { en: 'then (kept, never dropped)', ru: 'затем (сохраняется, никогда не удаляется)' },
  whenThen: { en: 'then', ru: 'затем' },
  whenPgRestore: {
    en: 'reads {member} from the archive (checked against its sha256), writes SQL to psql',
    ru: 'читает {member} из архива (проверяется по sha256), передаёт SQL в psql',
  },
  sqlFromPgRestore: { en: '<the SQL from pg_restore>', ru: '<SQL от pg_restore>' },
  postgresSilent: { en: 'PostgreSQL does not answer, so the backup cannot be loaded.', ru: 'PostgreSQL не отвечает, поэтому копию нельзя загрузить.' },
  loadHint: {
    en: 'Nothing was committed: the database is as empty as before. A dump from a newer PostgreSQL than this machine has cannot be read (pg_restore says "unsupported version"): install the same or a newer PostgreSQL here. Then resume.',
    ru: 'Ничего не зафиксировано: база данных пуста, как и прежде. Выгрузку из более нового PostgreSQL, чем на этой машине, прочитать нельзя (pg_restore сообщает "unsupported version"): установите здесь такой же или более новый PostgreSQL. Затем продолжите.',
  },
  loaded: {
    en: 'Loaded the backup of {created} into {name}; e2e_one_time_keys_json is empty.',
    ru: 'Копия от {created} загружена в {name}; e2e_one_time_keys_json пуста.',
  },
  keptAside: {
    en: 'The database that was in the way is kept as {aside}; drop it (DROP DATABASE "{aside}";) once you no longer need it.',
    ru: 'Мешавшая база данных сохранена как {aside}; удалите её (DROP DATABASE "{aside}";), когда она станет не нужна.',
  },
  createdDatabase: { en: 'Created the database {name} (UTF8, C, C) for the backup.', ru: 'Для копии создана база данных {name} (UTF8, C, C).' },
  certificateTitle: { en: 'Restore the certificate', ru: 'Восстановление сертификата' },
  noCertificate: { en: 'the backup holds no certificate for these answers', ru: 'в копии нет сертификата для этих ответов' },
  certificateTask: {
    en: "When no certificate for {names} is at {fullchain} yet and the backup's is valid and covers them: restore {paths}",
    ru: 'Если сертификата для {names} в {fullchain} ещё нет, а сертификат из копии действителен и покрывает их: восстановить {paths}',
  },
  certificateRestored: { en: 'Restored the certificate for {names} from the backup.', ru: 'Сертификат для {names} восстановлен из копии.' },
  noCertificateAt: {
    en: 'The backup has no certificate at {path}: one is requested as in an install.',
    ru: 'В копии нет сертификата в {path}: он запрашивается, как при установке.',
  },
  backupCertificate: { en: "the backup's certificate", ru: 'сертификат из копии' },
  itsKey: { en: 'its key', ru: 'его ключ' },
  certificateUnfit: {
    en: "Not restoring the backup's certificate ({problems}): one is requested as in an install.",
    ru: 'Сертификат из копии не восстанавливается ({problems}): новый запрашивается, как при установке.',
  },
  mediaTitle: { en: 'Restore the media', ru: 'Восстановление медиафайлов' },
  madeWithoutMedia: { en: 'the backup was made with --no-media', ru: 'копия сделана с --no-media' },
  mediaTask: {
    en: "Unpack the backup's media ({files} files, {size}) into {store} as {user}",
    ru: 'Распаковать медиафайлы из копии (файлов: {files}, {size}) в {store} от имени {user}',
  },
  whenMediaMembers: {
    en: 'reads the {prefix}/ members of the archive, each checked against its sha256',
    ru: 'читает элементы архива {prefix}/, каждый проверяется по sha256',
  },
  tarHint: {
    en: 'tar runs as {user}: {store} must be writable by it, and the disk must have room for the media.',
    ru: 'tar работает от имени {user}: {store} должен быть доступен ему для записи, а на диске должно хватать места для медиафайлов.',
  },
  mediaUnpacked: { en: 'Unpacked {files} media files ({size}) into {store}.', ru: 'В {store} распаковано медиафайлов: {files} ({size}).' },
  secretFilesTitle: { en: 'Restore the secret files the answers refer to', ru: 'Восстановление файлов с секретами, на которые ссылаются ответы' },
  noSecretFiles: { en: 'the answers refer to no secret file the backup holds', ru: 'ответы не ссылаются ни на один файл с секретом из копии' },
  secretFilesTask: { en: 'Write {paths} (0600, root) from the backup where missing', ru: 'Записать из копии {paths} (0600, root), где их нет' },
  notWriting: {
    en: 'Not writing {path}: {problem}. Put the secret there yourself (mode 0600) before the step that needs it.',
    ru: '{path} не записывается: {problem}. Положите секрет туда сами (режим 0600) до шага, которому он нужен.',
  },
  wroteFromBackup: { en: 'Wrote {path} from the backup.', ru: '{path} записан из копии.' },
  dirMissing: { en: '{dir} does not exist', ru: '{dir} не существует' },
  dirNotDirectory: { en: '{dir} is not a directory', ru: '{dir} — не каталог' },
  dirNotRoot: { en: '{dir} does not belong to root', ru: '{dir} не принадлежит root' },
  dirWritable: { en: '{dir} is writable by others', ru: 'в {dir} могут писать другие' },
  synapseFilesTitle: { en: "Restore the signing key and Synapse's own files", ru: 'Восстановление ключа подписи и собственных файлов Synapse' },
  synapseFilesTask: {
    en: 'Put the signing key from the backup at {key} ({user}:{group}, 0600); a file that differs is kept under {dir}/backups first, and {unit} is stopped while they change',
    ru: 'Положить ключ подписи из копии в {key} ({user}:{group}, 0600); отличающийся файл сначала сохраняется в {dir}/backups, а {unit} на время изменений останавливается',
  },
  synapseFilesTaskOthers: {
    en: 'Put the signing key from the backup at {key} ({user}:{group}, 0600) and restore {others}; a file that differs is kept under {dir}/backups first, and {unit} is stopped while they change',
    ru: 'Положить ключ подписи из копии в {key} ({user}:{group}, 0600) и восстановить {others}; отличающийся файл сначала сохраняется в {dir}/backups, а {unit} на время изменений останавливается',
  },
  whenFileChanges: { en: 'when a file changes and Synapse runs', ru: 'если файл меняется, а Synapse работает' },
  theSigningKey: { en: 'the signing key {path}', ru: 'ключ подписи {path}' },
  ownerModeSet: {
    en: "Set the owner and mode of {what} (its content was the backup's already).",
    ru: 'Изменены владелец и права {what} (содержимое уже совпадало с копией).',
  },
  restoredReplaced: {
    en: 'Restored {what} (the one that was there is kept under {dir}/backups).',
    ru: 'Восстановлен {what} (прежний сохранён в {dir}/backups).',
  },
  restored: { en: 'Restored {what}.', ru: 'Восстановлен {what}.' },
  noSigningKeyInBackup: {
    en: 'The backup holds no signing key: Synapse keeps the one on this machine, and other servers will see a new identity.',
    ru: 'В копии нет ключа подписи: Synapse оставит ключ этой машины, и другие серверы увидят новую идентичность.',
  },
  ownerMissing: { en: '{path} should belong to {user}:{group}, which does not exist here.', ru: '{path} должен принадлежать {user}:{group}, но здесь такого нет.' },
  inTheWay: { en: '{path} is in the way: the backup has a directory there.', ru: '{path} мешает: в копии на этом месте каталог.' },
  isDirectory: { en: '{path} is a directory where the backup has a file or symlink.', ru: '{path} — каталог, а в копии на этом месте файл или символическая ссылка.' },
  moveAwayHint: { en: 'Move it away and resume.', ru: 'Уберите его и продолжите.' },
  answersForOther: {
    en: 'The answers are for {answers}, but the backup is of {backup}; a server_name can never change (users, rooms and the signing key belong to it).',
    ru: 'Ответы для {answers}, а копия сервера {backup}; server_name нельзя изменить (ему принадлежат пользователи, комнаты и ключ подписи).',
  },
  answersForOtherHint: {
    en: 'Set server_name: {backup} in {file}, or leave --answers out to use the answers in the backup. Nothing was changed.',
    ru: 'Укажите server_name: {backup} в {file} или не передавайте --answers, чтобы использовать ответы из копии. Ничего не изменено.',
  },
  answersMismatch: { en: "The archive's answers name {answers}, its manifest {manifest}.", ru: 'В ответах архива указан {answers}, а в его манифесте — {manifest}.' },
  notWrittenByUs: { en: 'The archive is not one matrix-setup wrote. Nothing was changed.', ru: 'Этот архив записан не matrix-setup. Ничего не изменено.' },
  noRestoreToResume: { en: 'There is no restore to resume (no {path}).', ru: 'Нет восстановления, которое можно продолжить (нет {path}).' },
  noRestoreToResumeHint: { en: 'Start it with `matrix-setup restore ARCHIVE`.', ru: 'Начните его командой `matrix-setup restore АРХИВ`.' },
  archiveReplaced: {
    en: '{path} is no longer the backup the restore started from (backup {now}, not {then}).',
    ru: '{path} — уже не та копия, с которой началось восстановление (копия {now}, а не {then}).',
  },
  archiveReplacedHint: {
    en: 'Put the original archive back at that path, or start a new restore with `matrix-setup restore ARCHIVE`.',
    ru: 'Верните исходный архив на это место или начните новое восстановление командой `matrix-setup restore АРХИВ`.',
  },
});
