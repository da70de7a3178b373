import { decimal, type Lang } from '../../i18n/language.js';

const UNITS: Record<Lang, { seconds: string; minutes: string }> = {
  en: { seconds: 's', minutes: 'm' },
  ru: { seconds: ' с', minutes: ' мин' },
};

/** 4.2s, 1m 05s (4,2 с, 1 мин 05 с): short enough for the right edge of a step line. */
export function duration(ms: number, lang: Lang): string {
  const unit = UNITS[lang];
  const safe = Math.max(0, ms);
  if (safe < 60_000) return `${decimal((safe / 1000).toFixed(1), lang)}${unit.seconds}`;
  const minutes = Math.floor(safe / 60_000);
  const seconds = Math.floor((safe % 60_000) / 1000);
  return `${minutes}${unit.minutes} ${String(seconds).padStart(2, '0')}${unit.seconds}`;
}

/** An argument array as the user could paste it into a shell. */
export function shellLine(argv: string[]): string {
  return argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(' ');
}
