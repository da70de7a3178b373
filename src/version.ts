declare const __MATRIX_SETUP_VERSION__: string | undefined;

/** Replaced at build time; "dev" when running from source. */
export const VERSION: string = typeof __MATRIX_SETUP_VERSION__ === 'string' ? __MATRIX_SETUP_VERSION__ : 'dev';
