// CSI and OSC sequences, and single-character escapes: enough for apt, dnf, pip and certbot output.
const ANSI = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B[@-Z\\-_]|\u009B[0-?]*[ -/]*[@-~]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/** One output line as a terminal would end up showing it: no colours, only the text after the last carriage return. */
export function cleanOutputLine(line: string): string {
  const withoutAnsi = line.replace(ANSI, '');
  const segments = withoutAnsi.split('\r').filter((segment) => segment.length > 0);
  const last = segments.length > 0 ? segments[segments.length - 1]! : '';
  return last.replace(/\t/g, '  ').replace(CONTROL, '').trimEnd();
}
