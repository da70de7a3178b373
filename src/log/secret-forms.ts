/**
 * The forms a secret takes in the output of the programs matrix-setup runs, so each can be
 * redacted: as it is, JSON-escaped (also with \uXXXX escapes, as Python writes JSON),
 * URL-encoded (upper- and lower-case hex, and form encoding's + for spaces), and base64 (plain
 * and URL-safe) at each of the three alignments it can have inside a longer encoded string
 * (an Authorization: Basic header, a data URL): only the characters that depend on the secret
 * alone are kept, so they match wherever it was encoded.
 */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  const json = JSON.stringify(secret).slice(1, -1);
  forms.add(json);
  forms.add(json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  const url = encodeURIComponent(secret);
  forms.add(url);
  forms.add(url.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()));
  forms.add(url.replace(/%20/g, '+'));
  forms.add(encodeURI(secret));
  for (const core of base64Cores(Buffer.from(secret, 'utf8'))) {
    // A few characters of base64 would match unrelated text.
    if (core.length < 6) continue;
    forms.add(core);
    forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...forms].filter(Boolean);
}

/** For each alignment k (the secret starting k bytes into a 3-byte group): the base64 characters made of its bits only. */
function base64Cores(bytes: Buffer): string[] {
  const cores: string[] = [];
  for (let k = 0; k < 3; k++) {
    const encoded = Buffer.concat([Buffer.alloc(k), bytes]).toString('base64');
    const first = Math.ceil((8 * k) / 6);
    const last = Math.floor((8 * (k + bytes.length) - 6) / 6);
    if (last >= first) cores.push(encoded.slice(first, last + 1));
  }
  return cores;
}
