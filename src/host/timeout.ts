/** Resolves to `fallback` if `promise` has not settled within `ms` (or rejects). Never rejects. */
export function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([promise.catch(() => fallback), expired]).finally(() => clearTimeout(timer));
}
