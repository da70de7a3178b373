import { Box, useInput, useStdin } from 'ink';
import { useSyncExternalStore } from 'react';
import { keyToActions } from './state/keymap.js';
import type { WizardState } from './state/wizard-state.js';
import type { WizardStore } from './store.js';
import { DoneScreen } from './screens/done.js';
import { FailureScreen } from './screens/failure.js';
import { ProgressScreen } from './screens/progress.js';
import { QuestionsScreen } from './screens/questions.js';
import { QuitConfirm } from './screens/quit-confirm.js';
import { ReviewScreen } from './screens/review.js';
import { WelcomeScreen } from './screens/welcome.js';
import { ThemeContext, type Theme } from './theme.js';

/** The one Ink root: routes to the screen for the current state and turns keys into actions. */
export function App({ store, width, theme }: { store: WizardStore; width: number; theme: Theme }) {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const { isRawModeSupported } = useStdin();
  useInput(
    (input, key) => {
      for (const action of keyToActions(store.getState(), input, key)) store.dispatch(action);
    },
    { isActive: isRawModeSupported },
  );
  return (
    <ThemeContext.Provider value={theme}>
      <Box flexDirection="column" width={width}>
        <CurrentScreen state={state} />
        {state.quitting ? <QuitConfirm state={state} /> : null}
      </Box>
    </ThemeContext.Provider>
  );
}

function CurrentScreen({ state }: { state: WizardState }) {
  switch (state.screen) {
    case 'welcome':
      return <WelcomeScreen state={state} />;
    case 'questions':
      return <QuestionsScreen state={state} />;
    case 'review':
      return <ReviewScreen state={state} />;
    case 'progress':
      return <ProgressScreen state={state} />;
    case 'failure':
      return <FailureScreen state={state} />;
    case 'done':
      return <DoneScreen state={state} />;
  }
}
