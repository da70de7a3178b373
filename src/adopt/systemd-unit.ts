/**
 * How Synapse is started: the ExecStart of its systemd unit, as `systemctl show` prints it
 * or as a unit file says, turned into the Python, the module and the --config-path list.
 */
export interface SynapseCommand {
  /** The program: a python, or a wrapper such as synctl. */
  program: string;
  argv: string[];
  /** --config-path / -c arguments, in order. */
  configPaths: string[];
  /** Runs synapse.app.homeserver (directly or through python -m). */
  homeserver: boolean;
}

/** Splits a command line the way systemd does for ExecStart (quotes, no shell). */
export function splitCommandLine(line: string): string[] {
  const args: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (const match of line.matchAll(pattern)) {
    args.push(match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? match[3]));
  }
  return args;
}

/**
 * `systemctl show -p ExecStart UNIT` prints `ExecStart={ path=/usr/bin/python3 ; argv[]=/usr/bin/python3 -m … ; ignore_errors=no ; … }`.
 * Returns the argv of the (last) ExecStart.
 */
export function parseShownExecStart(value: string): string[] | undefined {
  const matches = [...value.matchAll(/argv\[\]=(.*?) ; (?:ignore_errors|start_time)=/g)];
  const last = matches.at(-1);
  return last ? splitCommandLine(last[1]) : undefined;
}

/** Properties of a unit from `systemctl show -p A,B UNIT` (KEY=value lines). */
export function parseShowOutput(text: string): Record<string, string> {
  const props: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) props[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return props;
}

/** The settings of a unit file that matter here; the last ExecStart= wins, as for systemd. */
export function parseUnitFile(text: string): { execStart?: string[]; user?: string; workingDirectory?: string; type?: string } {
  const result: { execStart?: string[]; user?: string; workingDirectory?: string; type?: string } = {};
  // Continuation lines end with a backslash.
  const lines = text.replace(/\\\n/g, ' ').split('\n');
  let section = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = header[1];
      continue;
    }
    if (section !== 'Service') continue;
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (key === 'ExecStart' && value) result.execStart = splitCommandLine(value.replace(/^[-@:+!]+/, ''));
    if (key === 'User') result.user = value;
    if (key === 'WorkingDirectory') result.workingDirectory = value.replace(/^-/, '');
    if (key === 'Type') result.type = value;
  }
  return result;
}

/** Reads a Synapse command line: which program, whether it runs the homeserver, and its config paths. */
export function synapseCommand(argv: string[]): SynapseCommand | undefined {
  if (argv.length === 0) return undefined;
  const homeserver = argv.some((arg, i) => (arg === '-m' && argv[i + 1] === 'synapse.app.homeserver') || /synapse[/.]app[/.]homeserver(\.py)?$/.test(arg));
  const wrapper = argv.some((arg) => /(^|\/)synctl$/.test(arg));
  if (!homeserver && !wrapper) return undefined;
  const configPaths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const long = /^--config-path=(.+)$/.exec(arg);
    if (long) configPaths.push(long[1]);
    else if ((arg === '--config-path' || arg === '-c') && argv[i + 1]) configPaths.push(argv[++i]);
  }
  // synctl takes the config file as a plain argument.
  if (wrapper && configPaths.length === 0) {
    const file = argv.slice(1).find((arg) => /\.ya?ml$/.test(arg));
    if (file) configPaths.push(file);
  }
  return { program: argv[0], argv, configPaths, homeserver };
}

/** The virtualenv a python path lives in (/x/env/bin/python3 → /x/env), if it is one. */
export function venvOfPython(python: string): string | undefined {
  const match = /^(.+)\/bin\/python[0-9.]*$/.exec(python);
  if (!match) return undefined;
  return ['/usr', '/usr/local', ''].includes(match[1]) ? undefined : match[1];
}
