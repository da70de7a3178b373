// A terminal for runWizard in tests: a TTY stdin to type into and a TTY stdout of a given size that keeps everything written.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';

export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '').replace(/\u001B\][^\u0007]*\u0007/g, '');
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
  read = (): string | null => {
    const { data } = this;
    this.data = null;
    return data;
  };
  write(data: string): void {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  }
}

class FakeStdout extends EventEmitter {
  isTTY = true;
  written = '';
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (chunk: string): boolean => {
    this.written += chunk;
    return true;
  };
}

export function fakeTerminal(columns: number, rows: number) {
  const stdin = new FakeStdin();
  const stdout = new FakeStdout(columns, rows);
  return {
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    output: () => stdout.written,
    /** Everything written since this was last asked, ANSI stripped. */
    async waitFor(text: string, timeoutMs = 4000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!stripAnsi(stdout.written).includes(text)) {
        if (Date.now() > deadline) assert.fail(`Timed out waiting for "${text}". Written:\n${stripAnsi(stdout.written).slice(-2000)}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      // Let useInput subscribe before keys arrive.
      await new Promise((resolve) => setTimeout(resolve, 20));
    },
    press(key: string): void {
      stdin.write(key);
    },
    resize(newColumns: number, newRows: number): void {
      stdout.columns = newColumns;
      stdout.rows = newRows;
      stdout.emit('resize');
    },
  };
}
