import type { Container } from './container.js';

const updated = new WeakSet<Container>();

/** Installs packages inside the container (apt-get update once per container first). */
export async function aptInstall(container: Container, packages: string[]): Promise<void> {
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (!updated.has(container)) {
    await container.exec(['apt-get', 'update', '-q'], { env, timeoutMs: 5 * 60_000 });
    updated.add(container);
  }
  await container.exec(['apt-get', 'install', '-y', '-q', '--no-install-recommends', ...packages], {
    env,
    timeoutMs: 15 * 60_000,
  });
}
