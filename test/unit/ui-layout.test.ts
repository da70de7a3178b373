// The wizard's line layout: wrapping, the viewport, frames that fit, the folded step list.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stepListLines } from '../../src/ui/components/step-list.js';
import { composeFrame, type ScreenView } from '../../src/ui/layout/frame.js';
import { lineText, lineWidth, segment, spread, truncateLine, type Line } from '../../src/ui/layout/line.js';
import { fitWindow } from '../../src/ui/layout/viewport.js';
import { wrap } from '../../src/ui/layout/wrap.js';
import type { ProgressStep } from '../../src/ui/state/progress-state.js';

const text = (lines: Line[]) => lines.map(lineText);

test('wrap: at word boundaries, no space at a line start, hanging indent, long words broken', () => {
  assert.deepEqual(text(wrap('one two three four', 9)), ['one two', 'three', 'four']);
  assert.deepEqual(text(wrap('alpha beta gamma', 12, { first: [segment('• ')] })), ['• alpha beta', '  gamma']);
  assert.deepEqual(text(wrap('/etc/matrix-synapse/conf.d/zz.yaml', 10)), ['/etc/matri', 'x-synapse/', 'conf.d/zz.', 'yaml']);
  assert.deepEqual(text(wrap('', 10, { first: [segment('› ')] })), ['› ']);
  // Styles survive wrapping.
  const [first] = wrap([segment('Root', { bold: true }), ': ok'], 20);
  assert.deepEqual(first, [{ text: 'Root', bold: true }, { text: ':' }, { text: ' ' }, { text: 'ok' }]);
  for (const line of wrap('a '.repeat(200), 37)) assert.ok(lineWidth(line) <= 37);
});

test('truncate and spread keep a line within its width', () => {
  assert.equal(lineText(truncateLine([segment('abcdefghij')], 6)), 'abcde…');
  const line = spread([segment('✓ Check this machine')], [segment('0.4s · no change')], 40);
  assert.equal(lineWidth(line), 40);
  assert.match(lineText(line), /^✓ Check this machine {4}0\.4s · no change$/);
  assert.equal(lineWidth(spread([segment('x'.repeat(60))], [segment('right')], 30)), 30);
});

test('viewport: markers take a row; the focus stays in view; a scroll position is clamped', () => {
  assert.deepEqual(fitWindow(5, 10), { start: 0, end: 5, above: 0, below: 0, maxStart: 0 });
  const top = fitWindow(30, 10);
  assert.deepEqual([top.start, top.end, top.above, top.below], [0, 9, 0, 21]);
  const focused = fitWindow(30, 10, { focus: [20, 23] });
  assert.ok(focused.start <= 20 && focused.end >= 23, JSON.stringify(focused));
  assert.equal(focused.end - focused.start, 8, 'both markers shown');
  const end = fitWindow(30, 10, { scroll: 100 });
  assert.deepEqual([end.start, end.end, end.below, end.maxStart], [21, 30, 0, 21]);
  // A focus taller than the room shows its first rows.
  assert.equal(fitWindow(30, 10, { focus: [5, 25] }).start, 5);
});

function view(bodyLines: number, hints: Array<[string, string]> = [['Enter', 'continue'], ['Ctrl-C', 'quit']]): ScreenView {
  return {
    title: 'Test',
    position: 'section 1/2',
    hints,
    scroll: 'arrows',
    body: () => ({ lines: Array.from({ length: bodyLines }, (_, i) => [segment(`line ${i}`)]), focus: [bodyLines - 1, bodyLines] }),
    status: () => [[segment('status')]],
  };
}

test('a frame never takes more rows than the terminal has, less one for the newline Ink writes', () => {
  for (const [columns, rows] of [[80, 24], [100, 30], [80, 12], [200, 60]] as const) {
    for (const length of [1, 10, 40, 200]) {
      const frame = composeFrame(view(length), { columns, rows });
      assert.ok(frame.lines.length <= rows - 1, `${columns}×${rows}, ${length} body lines: ${frame.lines.length} lines`);
      for (const line of frame.lines) assert.ok(lineWidth(line) <= Math.min(columns, 100));
      const shown = text(frame.lines);
      assert.match(shown[0]!, /^matrix-setup · Test +section 1\/2$/);
      assert.match(shown.at(-1)!, /Ctrl-C quit|scroll/, 'the hints are the last line');
      assert.ok(shown.includes(`line ${length - 1}`), 'the focus is in view');
      assert.ok(shown.includes('status'));
      if (length > rows) assert.match(shown.join('\n'), /↑ \d+ more \(↑ PgUp\)/);
    }
  }
});

test('the quit question replaces the key hints inside the same height', () => {
  const frame = composeFrame(view(40), { columns: 80, rows: 24, overlay: (width) => [[], [segment('╭'.padEnd(width - 1, '─'))], [segment('│ Quit?')], [segment('╰')]] });
  assert.ok(frame.lines.length <= 23);
  assert.equal(lineText(frame.lines.at(-1)!), '╰');
  assert.doesNotMatch(text(frame.lines).join('\n'), /Ctrl-C quit/);
});

function steps(count: number, running: number): ProgressStep[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `s${i}`,
    title: `Step ${i + 1}`,
    status: i < running ? 'done' : i === running ? 'running' : 'pending',
    ...(i === running ? { startedAt: 0 } : { durationMs: 1000 }),
  }));
}

test('the step list folds around the running step into the rows it has', () => {
  for (const running of [0, 5, 12, 22]) {
    const lines = text(stepListLines(steps(23, running), 0, 80, 7));
    assert.equal(lines.length, 7, `running ${running}: ${lines.join(' | ')}`);
    assert.ok(lines.some((line) => line.includes(`Step ${running + 1} `) || line.endsWith(`Step ${running + 1}`)), `running ${running} in view`);
  }
  const middle = text(stepListLines(steps(23, 12), 0, 80, 7));
  assert.match(middle[0]!, /10 earlier steps: 10 done/);
  assert.match(middle.at(-1)!, /○ 8 more steps$/);
  assert.deepEqual(text(stepListLines(steps(5, 2), 0, 80, 7)).length, 5, 'a short list is shown whole');
});
