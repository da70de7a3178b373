import { createContext, useContext } from 'react';

/** Colours by role; all undefined when colour is off (NO_COLOR), so text stays plain. */
export interface Theme {
  accent?: string;
  success?: string;
  warning?: string;
  error?: string;
  /** Secondary text is dimmed only when colour is on. */
  dim: boolean;
}

export const COLOR_THEME: Theme = { accent: 'cyan', success: 'green', warning: 'yellow', error: 'red', dim: true };
export const PLAIN_THEME: Theme = { dim: false };

/** NO_COLOR (any non-empty value, see no-color.org) or FORCE_COLOR=0 turn colour off. */
export function themeFor(env: NodeJS.ProcessEnv): Theme {
  if (env.NO_COLOR) return PLAIN_THEME;
  if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return PLAIN_THEME;
  return COLOR_THEME;
}

export const ThemeContext = createContext<Theme>(COLOR_THEME);

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
