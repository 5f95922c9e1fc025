/**
 * Results that finish in any order, written in the order they were started. At most `window` are
 * pending at once; `push` waits for the oldest when the window is full. A failure (budget, refused
 * key, a worker that died) stops the writing at the first failed result: everything before it is
 * written, everything still running is let finish (a model answer reaches the cache), then the
 * failure is thrown. Used by the model engine (requests) and the facet pool (batches on workers).
 */
export class OrderedResults<T> {
  private readonly pending: Promise<T>[] = [];

  constructor(
    private readonly window: number,
    private readonly write: (result: T) => Promise<void>,
  ) {}

  async push(work: Promise<T>): Promise<void> {
    // A rejection is handled when its turn comes; mark it handled now so Node does not complain early.
    work.catch(() => {});
    this.pending.push(work);
    while (this.pending.length >= this.window) await this.writeOldest();
  }

  private async writeOldest(): Promise<void> {
    const oldest = this.pending[0] as Promise<T>;
    let result: T;
    try {
      result = await oldest;
    } catch (error) {
      await Promise.allSettled(this.pending);
      this.pending.length = 0;
      throw error;
    }
    this.pending.shift();
    await this.write(result);
  }

  async drain(): Promise<void> {
    while (this.pending.length > 0) await this.writeOldest();
  }
}
