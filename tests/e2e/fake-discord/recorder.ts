// An append-only log that tests can query now or wait on. Waiting checks the
// existing entries first, so a test never races the event it waits for: it may
// call waitFor() after the request/op already happened and still get it.

interface Waiter<T> {
  predicate: (item: T) => boolean;
  resolve: (item: T) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class Recorder<T> {
  readonly #items: T[] = [];
  readonly #waiters = new Set<Waiter<T>>();
  readonly #describe: (item: T) => string;

  /** `describe` renders one entry for timeout messages, so a failing wait shows what did arrive. */
  constructor(describe: (item: T) => string) {
    this.#describe = describe;
  }

  push(item: T): void {
    this.#items.push(item);
    for (const waiter of this.#waiters) {
      if (!waiter.predicate(item)) continue;
      this.#waiters.delete(waiter);
      clearTimeout(waiter.timer);
      waiter.resolve(item);
    }
  }

  list(predicate?: (item: T) => boolean): T[] {
    return predicate ? this.#items.filter(predicate) : [...this.#items];
  }

  clear(): void {
    this.#items.length = 0;
  }

  waitFor(predicate: (item: T) => boolean, timeoutMs: number, what: string): Promise<T> {
    const existing = this.#items.find(predicate);
    if (existing !== undefined) return Promise.resolve(existing);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#waiters.delete(waiter);
          const seen = this.#items.slice(-15).map(this.#describe).join('\n  ');
          reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. Last entries:\n  ${seen || '(none)'}`));
        }, timeoutMs),
      };
      this.#waiters.add(waiter);
    });
  }

  /** Fails every pending wait; called when the fake shuts down so tests don't hang until their own timeout. */
  rejectAll(reason: string): void {
    for (const waiter of this.#waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(reason));
    }
    this.#waiters.clear();
  }
}
