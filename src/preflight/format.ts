import type { PreflightResult } from './checks.js';

const MARK = { pass: 'ok  ', warn: 'warn', fail: 'FAIL' } as const;

/** One line per result, for logs and plain output: "ok   Memory: 3.8 GiB of RAM". */
export function formatPreflightLine(result: PreflightResult): string {
  const fix = result.fix && result.status !== 'pass' ? ` -> ${result.fix}` : '';
  return `${MARK[result.status]} ${result.label}: ${result.detail}${fix}`;
}

/** The message and hint of the error that stops the run when checks failed. */
export function describeFailures(failures: PreflightResult[]): { message: string; hint: string } {
  const count = failures.length === 1 ? '1 problem' : `${failures.length} problems`;
  return {
    message: `This machine is not ready (${count}):\n${failures.map((f) => `  - ${f.label}: ${f.detail}`).join('\n')}`,
    hint: [...failures.map((f) => f.fix).filter(Boolean), 'Then run matrix-setup again; nothing was changed.'].join('\n'),
  };
}
