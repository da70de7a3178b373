/**
 * Version strings of the ways Synapse and Element Web are installed: Debian package versions
 * ([epoch:]upstream[-revision], compared as dpkg does) and the upstream release they carry
 * (what Synapse reports as its server_version).
 */

/** dpkg's ordering of two package versions: negative, zero or positive. */
export function compareDebianVersions(a: string, b: string): number {
  const pa = splitDebian(a);
  const pb = splitDebian(b);
  if (pa.epoch !== pb.epoch) return pa.epoch - pb.epoch;
  return compareFragment(pa.upstream, pb.upstream) || compareFragment(pa.revision, pb.revision);
}

function splitDebian(version: string): { epoch: number; upstream: string; revision: string } {
  const colon = version.indexOf(':');
  const epoch = colon > 0 ? Number.parseInt(version.slice(0, colon), 10) || 0 : 0;
  const rest = colon > 0 ? version.slice(colon + 1) : version;
  const hyphen = rest.lastIndexOf('-');
  return hyphen >= 0 ? { epoch, upstream: rest.slice(0, hyphen), revision: rest.slice(hyphen + 1) } : { epoch, upstream: rest, revision: '0' };
}

/** dpkg's verrevcmp: alternating non-digit runs (letters before non-letters, `~` before everything) and numbers. */
function compareFragment(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const ac = order(a[i]);
      const bc = order(b[j]);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (i < a.length && isDigit(a[i]) && j < b.length && isDigit(b[j])) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (i < a.length && isDigit(a[i])) return 1;
    if (j < b.length && isDigit(b[j])) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function order(c: string | undefined): number {
  if (c === undefined) return 0;
  if (c === '~') return -1;
  if (isDigit(c)) return 0;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  return c.charCodeAt(0) + 256;
}

/**
 * The Synapse release a package version carries: 1.160.0-1 → 1.160.0 (Debian's package),
 * 1.160.0+bookworm1 → 1.160.0 (matrix.org's), 1.161.0~rc1+bookworm1 → 1.161.0rc1.
 */
export function upstreamOfPackage(version: string): string {
  let rest = version.replace(/^\d+:/, '');
  const hyphen = rest.lastIndexOf('-');
  if (hyphen > 0) rest = rest.slice(0, hyphen);
  return rest.replace(/\+.*$/, '').replace(/~(rc|a|b)/, '$1');
}

/** A Python release version (1.160.0, 1.161.0rc1) as numbers; pre-releases sort before their release. */
function pythonKey(version: string): number[] {
  const m = /^(\d+(?:\.\d+)*)(?:(a|b|rc)(\d+))?/.exec(version.trim());
  if (!m) return [];
  const release = m[1].split('.').map(Number);
  while (release.length < 3) release.push(0);
  const pre = m[2] ? [{ a: 0, b: 1, rc: 2 }[m[2] as 'a' | 'b' | 'rc'], Number(m[3])] : [3, 0];
  return [...release, ...pre];
}

/** Compares two Python release versions (PyPI, Synapse's own server_version). */
export function comparePythonVersions(a: string, b: string): number {
  const ka = pythonKey(a);
  const kb = pythonKey(b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const d = (ka[i] ?? 0) - (kb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** Synapse's own version string, e.g. "1.160.0 (b=…)" from some builds: the leading release only. */
export function releaseOf(serverVersion: string): string {
  return /^\s*(\d+\.\d+\.\d+(?:rc\d+)?)/.exec(serverVersion)?.[1] ?? serverVersion.trim();
}
