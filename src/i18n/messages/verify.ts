/** `matrix-setup verify`: what it checks, what it saw, and what to change. */
import { defineMessages } from '../define.js';

export const verifyText = defineMessages('verify', {
  noServerKnown: {
    en: 'There are no saved answers here, so verify does not know which server to check.',
    ru: 'Здесь нет сохранённых ответов, поэтому verify не знает, какой сервер проверять.',
  },
  noServerKnownHint: {
    en: "Run `matrix-setup verify --server-name example.org`, or pass the install's answers with --answers FILE.",
    ru: 'Выполните `matrix-setup verify --server-name example.org` или передайте ответы установки через --answers ФАЙЛ.',
  },
  caUnreadable: { en: '--ca {path}: cannot read it ({error}).', ru: '--ca {path}: не удалось прочитать ({error}).' },
  caNotPem: {
    en: '--ca {path}: no PEM certificate in it (no "-----BEGIN CERTIFICATE-----" line).',
    ru: '--ca {path}: в нём нет сертификата PEM (нет строки "-----BEGIN CERTIFICATE-----").',
  },
  caHint: { en: "Give the PEM file of the CA that issued the server's certificate.", ru: 'Укажите PEM-файл ЦС, который выдал сертификат сервера.' },

  // The report
  checking: { en: 'Checking {server} (Synapse on {host})', ru: 'Проверка {server} (Synapse на {host})' },
  checkingFromOutside: { en: 'Checking {server} (Synapse on {host}) from outside', ru: 'Проверка {server} (Synapse на {host}) снаружи' },
  groupDns: { en: 'DNS', ru: 'DNS' },
  groupDelegation: { en: 'Delegation', ru: 'Делегирование' },
  groupClientApi: { en: 'Client API', ru: 'Клиентский API' },
  groupFederation: { en: 'Federation', ru: 'Федерация' },
  groupProxy: { en: 'Reverse proxy', ru: 'Обратный прокси' },
  groupLocal: { en: 'This machine', ru: 'Эта машина' },
  summary: {
    en: '{pass} passed, {warn} warning(s), {fail} failed, {skip} skipped.',
    ru: 'Пройдено: {pass}, предупреждений: {warn}, не пройдено: {fail}, пропущено: {skip}.',
  },
  fixAndRerun: { en: 'Fix the failures above and run `matrix-setup verify` again.', ru: 'Исправьте ошибки выше и снова запустите `matrix-setup verify`.' },
  onlyWarnings: { en: 'Nothing failed; the warnings say what to look at.', ru: 'Ошибок нет; предупреждения подсказывают, на что обратить внимание.' },
  allInOrder: { en: 'Everything checked is in order.', ru: 'Всё проверенное в порядке.' },
});
