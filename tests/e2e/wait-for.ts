// One waiting loop for the e2e harnesses: look now, look again each time new output is signalled, give up
// after a timeout. The harnesses differ only in where they look (in-process logs, a child's stdout).

/** Resolves with the first value `find` returns, re-checked whenever a waiter in `waiters` is called. */
export function waitFor<T>(waiters: Set<() => void>, find: () => T | undefined, timeoutMs: number, describeTimeout: () => string): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const found = find();
      if (found === undefined) return;
      waiters.delete(check);
      clearTimeout(timer);
      resolve(found);
    };
    const timer = setTimeout(() => {
      waiters.delete(check);
      reject(new Error(describeTimeout()));
    }, timeoutMs);
    waiters.add(check);
    check();
  });
}
