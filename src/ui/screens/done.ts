import { problemLines } from '../components/check-list.js';
import { spinnerLine } from '../components/spinner.js';
import { BodyBuilder, bullet, heading, indented, labelled, paragraph } from '../layout/blocks.js';
import type { ScreenView } from '../layout/frame.js';
import { segment, textWidth, type Line } from '../layout/line.js';
import type { InstallSummary } from '../engine-port.js';
import { installWarnings, verificationCounts } from '../state/exit-summary.js';
import type { WizardState } from '../state/wizard-state.js';

/**
 * The finished install, top first: where it runs and the secrets shown this once (the same
 * summary the `--answers` run prints), then the verification, the install's warnings and the
 * next steps. Everything here is printed again on the normal screen when the wizard exits.
 */
export function doneView(state: WizardState): ScreenView {
  const summary = state.outcome?.summary;
  const verify = state.verify;
  return {
    title: 'Done',
    hints: state.quitting ? [] : [['Enter', 'quit (this summary stays on the screen)']],
    scroll: 'arrows',
    body(width) {
      const body = new BodyBuilder();
      if (summary) {
        body.add(bullet(segment('✓', { tone: 'success' }), segment(summary.headline, { bold: true }), width, { tone: 'success' }));
        body.gap().add(indented(summaryRows(summary, width - 2), 2));
      }
      body.gap().line(...heading(verify?.status === 'ready' ? `Verification: ${verificationCounts(verify.value)}` : 'Verification'));
      if (!verify || verify.status === 'loading') body.line(...spinnerLine(state.now, 'Checking it as clients and other servers see it…'));
      if (verify?.status === 'error') body.add(paragraph(`The checks could not run: ${verify.message}`, width, { tone: 'warning' }));
      if (verify?.status === 'ready') body.add(indented(problemLines(verify.value, width - 2, state.now), 2));
      const warnings = installWarnings(state);
      if (warnings.length) {
        body.gap().line(...heading('Warnings from the install'));
        for (const warning of warnings) body.add(indented(bullet(segment('!', { tone: 'warning' }), warning, width - 2), 2));
      }
      if (summary) {
        body.gap().line(...heading('Next steps'));
        for (const step of summary.nextSteps) body.add(indented(bullet('•', step, width - 2), 2));
      }
      return body.build();
    },
  };
}

function summaryRows(summary: InstallSummary, width: number): Line[] {
  const column = Math.max(...summary.rows.map((row) => textWidth(row.label))) + 3;
  const lines = summary.rows.flatMap((row) => labelled(row.label, row.shownOnce ? segment(row.value, { bold: true }) : row.value, width, column));
  const secrets = summary.rows.filter((row) => row.shownOnce);
  if (secrets.length > 0) {
    const what = secrets.length === 1 ? 'it' : 'them';
    const note = `Shown only this once: write ${what} down. Kept in ${secrets[0]!.shownOnce!.keptIn} (root only).`;
    lines.push(...indented(paragraph(note, width - column, { tone: 'warning' }), column));
  }
  return lines;
}
