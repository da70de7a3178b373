import type { Localized } from '../../i18n/localized.js';
import { wizardText as w } from '../../i18n/messages/wizard.js';
import { problemLines } from '../components/check-list.js';
import { spinnerLine } from '../components/spinner.js';
import { BodyBuilder, bullet, heading, indented, labelled, paragraph } from '../layout/blocks.js';
import type { ScreenView } from '../layout/frame.js';
import { segment, textWidth, type Line } from '../layout/line.js';
import type { InstallSummary } from '../engine-port.js';
import type { Lang } from '../../i18n/language.js';
import { pick } from '../../i18n/localized.js';
import { installWarnings, verificationCounts } from '../state/exit-summary.js';
import type { WizardState } from '../state/wizard-state.js';

/**
 * The finished install, top first: where it runs and the secrets shown this once (the same
 * summary the `--answers` run prints), then the verification, the install's warnings and the
 * next steps. Everything here is printed again on the normal screen when the wizard exits.
 */
export function doneView(state: WizardState): ScreenView {
  const { lang } = state;
  const l = (text: Localized) => text[lang];
  const summary = state.outcome?.summary;
  const verify = state.verify;
  return {
    title: l(w.doneTitle),
    hints: state.quitting ? [] : [['Enter', l(w.keyQuitDone)]],
    scroll: 'arrows',
    body(width) {
      const body = new BodyBuilder();
      if (summary) {
        body.add(bullet(segment('✓', { tone: 'success' }), segment(l(summary.headline), { bold: true }), width, { tone: 'success' }));
        body.gap().add(indented(summaryRows(summary, width - 2, lang), 2));
      }
      body.gap().line(...heading(verify?.status === 'ready' ? l(w.verificationCounted({ counts: verificationCounts(verify.value) })) : l(w.verificationHeading)));
      if (!verify || verify.status === 'loading') body.line(...spinnerLine(state.now, l(w.verifying)));
      if (verify?.status === 'error') body.add(paragraph(l(w.checksCouldNotRun({ message: verify.message })), width, { tone: 'warning' }));
      if (verify?.status === 'ready') body.add(indented(problemLines(verify.value, width - 2, state.now, lang), 2));
      const warnings = installWarnings(state);
      if (warnings.length) {
        body.gap().line(...heading(l(w.installWarnings)));
        for (const warning of warnings) body.add(indented(bullet(segment('!', { tone: 'warning' }), pick(warning, lang), width - 2), 2));
      }
      if (summary) {
        body.gap().line(...heading(l(w.nextSteps)));
        for (const step of summary.nextSteps) body.add(indented(bullet('•', l(step), width - 2), 2));
      }
      return body.build();
    },
  };
}

function summaryRows(summary: InstallSummary, width: number, lang: Lang): Line[] {
  const column = Math.max(...summary.rows.map((row) => textWidth(row.label[lang]))) + 3;
  const lines = summary.rows.flatMap((row) => labelled(row.label[lang], row.shownOnce ? segment(row.value, { bold: true }) : row.value, width, column));
  const secrets = summary.rows.filter((row) => row.shownOnce);
  if (secrets.length > 0) {
    const note = w.shownOnce({ count: secrets.length, file: secrets[0]!.shownOnce!.keptIn })[lang];
    lines.push(...indented(paragraph(note, width - column, { tone: 'warning' }), column));
  }
  return lines;
}
