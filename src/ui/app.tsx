import { useInput, useStdin } from 'ink';
import { useRef, useSyncExternalStore } from 'react';
import { FrameView } from './components/frame-view.js';
import { composeFrame, type Frame } from './layout/frame.js';
import { quitConfirmLines, viewFor } from './screens/index.js';
import { keyToActions, type ScrollInfo } from './state/keymap.js';
import type { WizardStore } from './store.js';
import type { TerminalSize } from './terminal/full-screen.js';
import { ThemeContext, type Theme } from './theme.js';

/** The one Ink root: lays out the current screen for the terminal's size and turns keys into actions. */
export function App({ store, size, theme }: { store: WizardStore; size: TerminalSize; theme: Theme }) {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const view = viewFor(state);
  const frame = composeFrame(view, {
    columns: size.columns,
    rows: size.rows,
    scroll: state.scroll,
    overlay: state.quitting ? (width) => quitConfirmLines(state, width) : undefined,
  });
  // Keys scroll the frame the user is looking at.
  const shown = useRef<{ frame: Frame; keys: ScrollInfo['keys'] }>({ frame, keys: view.scroll });
  shown.current = { frame, keys: view.scroll };
  const { isRawModeSupported } = useStdin();
  useInput(
    (input, key) => {
      const { frame: current, keys } = shown.current;
      const scroll: ScrollInfo = { start: current.window.start, maxStart: current.window.maxStart, page: current.page, keys };
      for (const action of keyToActions(store.getState(), input, key, scroll)) store.dispatch(action);
    },
    { isActive: isRawModeSupported },
  );
  return (
    <ThemeContext.Provider value={theme}>
      <FrameView lines={frame.lines} />
    </ThemeContext.Provider>
  );
}
