/** What is wrong with a damaged backup archive, down to the byte (the tar reader's own words). */
import { defineMessages } from '../define.js';

export const tarText = defineMessages('tar', {
  at: { en: '{reason} at byte {offset} (after the member {member})', ru: '{reason} на байте {offset} (после элемента {member})' },
  atStart: { en: '{reason} at byte {offset} (before the first member)', ru: '{reason} на байте {offset} (до первого элемента)' },
  endsEarlyBecause: { en: 'the file ends early ({reason})', ru: 'файл обрывается раньше времени ({reason})' },
  endsEarly: { en: 'the file ends early', ru: 'файл обрывается раньше времени' },
  headerMissing: { en: 'a member header or the end-of-archive marker is missing', ru: 'нет заголовка элемента или метки конца архива' },
  markerCutOff: { en: 'the end-of-archive marker is cut off', ru: 'метка конца архива обрезана' },
  damagedMarker: { en: 'a damaged end-of-archive marker', ru: 'повреждённая метка конца архива' },
  damagedHeader: { en: 'a damaged member header ({problem})', ru: 'повреждённый заголовок элемента ({problem})' },
  endsInside: { en: 'the file ends inside the member {member}', ru: 'файл обрывается внутри элемента {member}' },
  damagedPax: { en: 'a damaged pax header ({problem})', ru: 'повреждённый заголовок pax ({problem})' },
  unsupportedType: { en: 'a member of unsupported type "{type}" ({member})', ru: 'элемент неподдерживаемого типа "{type}" ({member})' },
  carriesData: { en: 'the {type} {member} carries data', ru: 'элемент {member} (тип {type}) содержит данные' },
  damagedPadding: { en: 'a damaged byte in the padding', ru: 'повреждённый байт в выравнивании' },
  damagedByte: { en: 'a damaged byte', ru: 'повреждённый байт' },
  checksumMismatch: { en: 'header checksum mismatch', ru: 'контрольная сумма заголовка не совпадает' },
  notUstar: { en: 'not a ustar header', ru: 'это не заголовок ustar' },
  unreadableNumber: { en: 'unreadable number in the header', ru: 'нечитаемое число в заголовке' },
  malformedPax: { en: 'malformed pax record', ru: 'искажённая запись pax' },
});
