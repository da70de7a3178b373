/** Sizes in bytes, as every command shows them. */
import { defineMessages } from '../define.js';

export const unitText = defineMessages('units', {
  bytes: {
    en: { one: '{count} byte', other: '{count} bytes' },
    ru: { one: '{count} байт', few: '{count} байта', many: '{count} байт' },
  },
  size: { en: '{size} {unit}', ru: '{size} {unit}' },
});
