/** What a finished install tells its user (the wizard's done screen, the end of an `--answers` run). */
import { defineMessages } from '../define.js';

export const summaryText = defineMessages('install-summary', {
  headline: { en: 'Your Matrix homeserver {name} is installed.', ru: 'Домашний сервер Matrix {name} установлен.' },
  headlineResumed: { en: 'Your Matrix homeserver {name} is installed (resumed).', ru: 'Домашний сервер Matrix {name} установлен (установка была продолжена).' },
  homeserverUrl: { en: 'Homeserver URL', ru: 'Адрес сервера' },
  elementWeb: { en: 'Element Web', ru: 'Element Web' },
  adminUser: { en: 'Admin user', ru: 'Администратор' },
  adminPassword: { en: 'Admin password', ru: 'Пароль администратора' },
  registrationToken: { en: 'Registration token', ru: 'Токен регистрации' },
  anyClient: { en: 'any Matrix client (homeserver {url})', ru: 'любой клиент Matrix (домашний сервер {url})' },
  signIn: { en: 'Sign in at {client} as {admin}.', ru: 'Войдите через {client} как {admin}.' },
  inviteWithToken: {
    en: "Invite people: they create an account at {client} with the registration token above{limits}. More tokens: POST /_synapse/admin/v1/registration_tokens/new (Synapse's admin API).",
    ru: 'Приглашайте людей: они создают учётную запись через {client} с токеном регистрации, показанным выше{limits}. Новые токены: POST /_synapse/admin/v1/registration_tokens/new (admin API Synapse).',
  },
  inviteLater: {
    en: "Invite people with a registration token: POST /_synapse/admin/v1/registration_tokens/new (Synapse's admin API).",
    ru: 'Приглашайте людей по токену регистрации: POST /_synapse/admin/v1/registration_tokens/new (admin API Synapse).',
  },
  tokenLimits: { en: ' ({accounts} within {days} of its creation)', ru: ' ({accounts} в течение {days} после его создания)' },
  openRegistration: {
    en: 'Anyone can create an account at {client}, after confirming an email address.',
    ru: 'Кто угодно может создать учётную запись через {client}, подтвердив адрес электронной почты.',
  },
  addUsers: { en: 'Add users yourself: {command}', ru: 'Добавлять пользователей вручную: {command}' },
  openPorts: {
    en: "Open TCP ports {ports}{turn} in your cloud provider's firewall (security group), if it has one.",
    ru: 'Откройте TCP-порты {ports}{turn} в файрволе облачного провайдера (security group), если он есть.',
  },
  turnPorts: {
    en: ', and for calls TCP and UDP 3478 and 5349 plus UDP {min}-{max}',
    ru: ', а для звонков — TCP и UDP 3478 и 5349, а также UDP {min}-{max}',
  },
  checkAnyTime: {
    en: 'Check it any time as clients and other servers see it: matrix-setup verify',
    ru: 'Проверить сервер глазами клиентов и других серверов можно в любой момент: matrix-setup verify',
  },
  shownOnceNote: { en: '   (shown once; kept in {file}, mode 0600)', ru: '   (показан один раз; хранится в {file}, режим 0600)' },
  nextSteps: { en: 'Next steps:', ru: 'Что дальше:' },
});
