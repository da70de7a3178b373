import type { ScreenView } from '../layout/frame.js';
import { currentQuestion, type WizardState } from '../state/wizard-state.js';
import { doneView } from './done.js';
import { failureView } from './failure.js';
import { progressView } from './progress.js';
import { questionsView } from './questions.js';
import { reviewView } from './review.js';
import { welcomeView } from './welcome.js';

export { quitConfirmLines } from './quit-confirm.js';

/** The view of the current screen. */
export function viewFor(state: WizardState): ScreenView {
  switch (state.screen) {
    case 'welcome':
      return welcomeView(state);
    case 'questions': {
      const question = currentQuestion(state);
      return question ? questionsView(state, question) : reviewView(state);
    }
    case 'review':
      return reviewView(state);
    case 'progress':
      return progressView(state);
    case 'failure':
      return failureView(state);
    case 'done':
      return doneView(state);
  }
}
