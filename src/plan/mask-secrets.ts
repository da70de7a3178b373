import { secretForms } from '../log/secret-forms.js';
import { secretToken, type SecretName } from '../secrets/tokens.js';

export interface KnownSecret {
  name: SecretName;
  value: string;
}

/** Stands for a secret in a file on the machine whose value matrix-setup does not know (so it cannot tell whether it changes). */
export const UNKNOWN_SECRET = '<<secret value not shown>>';

const TOKEN = /<<secret:[a-z_]+>>/g;
const HAS_TOKEN = /<<secret:[a-z_]+>>/;
const ONLY_TOKEN = /^<<secret:[a-z_]+>>$/;

/**
 * The two sides of plan's diff against a file on the machine, with no secret left in them.
 * The file holds the real values where the plan has tokens: every known value (and its
 * encoded forms) becomes its token, on both sides alike so a coincidence in the planned text
 * cannot show up as a change. Values matrix-setup does not know are found by the shape of
 * the planned line that holds a token (`static-auth-secret=<<secret:…>>`, or the line of a
 * block scalar under its key) and replaced by UNKNOWN_SECRET.
 */
export function maskSecretsForDiff(current: string, planned: string, known: KnownSecret[]): { current: string; planned: string } {
  const replaceKnown = tokenizer(known);
  const plannedMasked = replaceKnown(planned);
  return { current: maskByShape(replaceKnown(current), plannedMasked), planned: plannedMasked };
}

function tokenizer(known: KnownSecret[]): (text: string) => string {
  const pairs = known.flatMap(({ name, value }) => secretForms(value).map((form) => [form, secretToken(name)] as const));
  pairs.sort((a, b) => b[0].length - a[0].length);
  return (text) => pairs.reduce((out, [form, token]) => (out.includes(form) ? out.split(form).join(token) : out), text);
}

function maskByShape(current: string, planned: string): string {
  const plannedLines = planned.split('\n');
  const shapes = plannedLines.flatMap((line, index) => (HAS_TOKEN.test(line) ? [shapeOf(line, plannedLines[index - 1])] : []));
  if (shapes.length === 0) return current;
  const lines = current.split('\n');
  return lines
    .map((line, index) => {
      if (line.trim() === '') return line;
      for (const shape of shapes) {
        const masked = shape(line, lines[index - 1]);
        if (masked !== undefined) return masked;
      }
      return line;
    })
    .join('\n');
}

type Shape = (line: string, previous: string | undefined) => string | undefined;

/** How to recognise a line of the file that holds the secret(s) of this planned line, and mask it. */
function shapeOf(plannedLine: string, plannedPrevious: string | undefined): Shape {
  const parts = plannedLine.split(TOKEN);
  if (parts.join('').trim() === '') {
    // The token alone on its line (a YAML block scalar): the line after the same key line.
    const indent = /^\s*/.exec(plannedLine)![0];
    return (line, previous) =>
      previous !== undefined && previous === plannedPrevious && line.startsWith(indent) && !ONLY_TOKEN.test(line.trim())
        ? `${indent}${UNKNOWN_SECRET}`
        : undefined;
  }
  const pattern = new RegExp(`^${parts.map(escape).join('(.+?)')}$`);
  return (line) => {
    const match = pattern.exec(line);
    if (!match) return undefined;
    const values = match.slice(1);
    if (values.every((value) => ONLY_TOKEN.test(value))) return line;
    return parts.map((part, i) => (i < values.length ? `${part}${ONLY_TOKEN.test(values[i]!) ? values[i] : UNKNOWN_SECRET}` : part)).join('');
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
