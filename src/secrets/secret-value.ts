/**
 * What a secret given by the user may hold. Values are written into YAML and INI files
 * (Synapse's config, coturn's) and fed to commands: a line break of any kind (CR, NEL U+0085,
 * LINE SEPARATOR U+2028, PARAGRAPH SEPARATOR U+2029) or another control character would end
 * the value early, start a new key, or be silently dropped, so the password in use would
 * not be the one given. Leading or trailing blanks are lost the same way.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/u;

/** Why this value cannot be used as a secret, or undefined. Never quotes the value. */
export function secretValueProblem(value: string): string | undefined {
  if (value.length === 0) return 'is empty';
  const bad = FORBIDDEN.exec(value);
  if (bad) {
    const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return `holds a line break or control character (U+${code}) at character ${bad.index + 1}, which configuration files would not keep: use printable characters only`;
  }
  if (value.trim() !== value) return 'starts or ends with a blank, which configuration files would not keep';
  return undefined;
}
