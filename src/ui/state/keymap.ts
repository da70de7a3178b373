/** Keys to wizard actions. Pure: the app's single input handler calls it with Ink's key info. */
import { currentQuestion, type Action, type WizardState } from './wizard-state.js';

/** The parts of Ink's `Key` this map reads. */
export interface KeyInfo {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  shift?: boolean;
  tab?: boolean;
  backspace?: boolean;
  delete?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
}

/** Where the current frame's body is scrolled to, and how it can be scrolled. */
export interface ScrollInfo {
  start: number;
  maxStart: number;
  /** Rows one page key moves. */
  page: number;
  /** Arrows scroll too, or only the page keys (arrows choose). */
  keys?: 'arrows' | 'pages';
}

/**
 * A chunk of input can hold text and a final Enter when typed quickly over a slow link
 * ("example.org\r"): that is the text, then Enter.
 */
export function keyToActions(state: WizardState, input: string, key: KeyInfo, scroll?: ScrollInfo): Action[] {
  if (input.length > 1 && /[\r\n]$/.test(input) && !key.ctrl && !key.meta) {
    const text = keyToAction(state, input.replace(/[\r\n]+$/, ''), {});
    return text ? [text, { type: 'confirm' }] : [{ type: 'confirm' }];
  }
  const action = keyToAction(state, input, key, scroll);
  return action ? [action] : [];
}

export function keyToAction(state: WizardState, input: string, key: KeyInfo, scroll?: ScrollInfo): Action | undefined {
  if (key.ctrl && input === 'c') return { type: 'quit-request' };
  if (state.exit) return undefined;
  if (state.quitting) {
    if (input === 'y' || input === 'Y') return { type: 'quit-answer', quit: true };
    if (input === 'n' || input === 'N' || key.escape || key.return) return { type: 'quit-answer', quit: false };
    return undefined;
  }
  if (key.return) return { type: 'confirm' };
  if (key.escape) return { type: 'back' };
  const scrolled = scrollAction(state, input, key, scroll);
  if (scrolled) return scrolled;
  if (typing(state)) {
    if (key.backspace || key.delete) return { type: 'erase' };
    if (key.ctrl && input === 'u') return { type: 'clear' };
    if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) return undefined;
    // Pasted (or quickly typed) text arrives in one chunk; keep its printable characters.
    const text = [...input].filter((c) => c >= ' ' && c !== '\u007F').join('');
    return text ? { type: 'type', text } : undefined;
  }
  if (key.upArrow || (key.shift && key.tab) || input === 'k') return { type: 'move', delta: -1 };
  if (key.downArrow || key.tab || input === 'j') return { type: 'move', delta: 1 };
  if (/^[1-9]$/.test(input)) return { type: 'pick', index: Number(input) - 1 };
  if (input === 'q') return { type: 'quit-request' };
  if (state.screen === 'review' && input === 's') return { type: 'save-open' };
  if (state.screen === 'review' && input === 'r') return { type: 'recheck' };
  if (state.screen === 'failure' && input === 'r') return { type: 'retry' };
  return undefined;
}

function scrollAction(state: WizardState, input: string, key: KeyInfo, scroll?: ScrollInfo): Action | undefined {
  if (!scroll?.keys || scroll.maxStart === 0) return undefined;
  const to = (start: number): Action => ({ type: 'scroll', to: Math.min(scroll.maxStart, Math.max(0, start)) });
  if (key.pageDown) return to(scroll.start + scroll.page);
  if (key.pageUp) return to(scroll.start - scroll.page);
  if (scroll.keys !== 'arrows' || typing(state)) return undefined;
  if (key.downArrow || input === 'j') return to(scroll.start + 1);
  if (key.upArrow || input === 'k') return to(scroll.start - 1);
  return undefined;
}

/** Whether letters are text (a text question, or the save prompt) rather than commands. */
export function typing(state: WizardState): boolean {
  if (state.screen === 'review') return state.review.saveText !== undefined;
  if (state.screen !== 'questions') return false;
  return currentQuestion(state)?.kind === 'text';
}
