/**
 * Sizes in answers are written like nginx and Synapse write them: 50M, 1G. Synapse's own
 * parser only knows K and M, so the config templates convert with these helpers.
 */
const UNIT = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 } as const;

/** Bytes of a validated size such as '50M'. */
export function sizeToBytes(size: string): number {
  const match = /^([1-9][0-9]*)([KMG])$/.exec(size);
  if (!match) throw new Error(`Not a validated size: ${size}`);
  return Number(match[1]) * UNIT[match[2] as keyof typeof UNIT];
}

/** The size in a form Synapse's max_upload_size accepts (G becomes M). */
export function synapseSize(size: string): string {
  return size.endsWith('G') ? `${Number(size.slice(0, -1)) * 1024}M` : size;
}

/** The size for nginx's client_max_body_size (which accepts K, M and G as they are). */
export function nginxSize(size: string): string {
  return size;
}
