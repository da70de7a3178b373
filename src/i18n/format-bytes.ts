import { decimal } from './language.js';
import { fromLanguages, type Localized } from './localized.js';
import { unitText as t } from './messages/units.js';

const UNITS = { en: ['KiB', 'MiB', 'GiB', 'TiB'], ru: ['КиБ', 'МиБ', 'ГиБ', 'ТиБ'] } as const;
const GIB_UNIT = 2;

/** 1023 bytes, 1.5 KiB, 512 MiB, 41.2 GiB (1,5 КиБ in Russian): one decimal below 10, and for GiB and up below 100. */
export function formatBytes(bytes: number): Localized {
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < UNITS.en.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit < 0) return t.bytes({ count: bytes });
  const size = value.toFixed(value < 10 || (unit >= GIB_UNIT && value < 100) ? 1 : 0);
  return fromLanguages((lang) => t.size({ size: decimal(size, lang), unit: UNITS[lang][unit]! })[lang]);
}
