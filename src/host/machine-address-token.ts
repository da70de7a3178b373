import { machineAddresses } from './addresses.js';

/**
 * Stands for each address of this machine in a planned file: a line holding it is written
 * once per address (sorted), when the file is written, or not at all when there is none. A
 * plan stays the same on every machine; the file on the server names its own addresses.
 */
export const THIS_MACHINE_ADDRESS = '<<this-machine:address>>';

export function expandMachineAddresses(text: string, addresses: () => string[] = currentAddresses): string {
  if (!text.includes(THIS_MACHINE_ADDRESS)) return text;
  const list = [...new Set(addresses())].sort();
  return text
    .split('\n')
    .flatMap((line) => (line.includes(THIS_MACHINE_ADDRESS) ? list.map((address) => line.split(THIS_MACHINE_ADDRESS).join(address)) : [line]))
    .join('\n');
}

/** Every address on this machine's interfaces (loopback and link-local are denied as ranges already). */
function currentAddresses(): string[] {
  return machineAddresses().map((entry) => entry.address);
}
