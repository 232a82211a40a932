/**
 * The preview worker's validation of the rows it reads, batch by batch: the first batch in the
 * worker itself, the rest in a pool of validation workers (started after the first batch, so
 * loading them does not compete with the first rows; only on machines with more than one core),
 * and each batch's answer handled strictly in file order. Reading waits for the oldest batch while
 * a few are in flight: memory stays bounded and the pool never runs dry (waiting for all of them
 * let it idle at every wait).
 */
import { createValidationPool, poolSize, type PoolRequest, type ValidationPool } from './validation-pool.ts';
import type { RowsVerdicts } from './validate-rows.ts';
import type { PackedRows } from './row-store.ts';

export class BatchPipeline {
  private pool: ValidationPool | null = null;
  /** Every batch handed over, settled in file order. */
  private settled: Promise<void> = Promise.resolve();
  /** Each batch's settling, oldest first. */
  private readonly inflight: Promise<void>[] = [];

  /** `config`: the pool's settings now (headers, mapping, campaign); `onFail`: a pool worker failed. */
  constructor(
    private readonly config: () => Extract<PoolRequest, { type: 'config' }>,
    private readonly onFail: (message: string) => void,
  ) {}

  /** The settings changed (a new mapping): the pool validates the next batches under them. */
  configure(): void {
    this.pool?.configure(this.config());
  }

  /**
   * Validates the rows `packed` (from row `start`): in the pool, or here by `here` for the first
   * batch; `settle` gets the answer once every earlier batch has been settled.
   */
  submit(start: number, packed: PackedRows, here: () => RowsVerdicts, settle: (answer: RowsVerdicts) => void): void {
    if (start > 0 && !this.pool && poolSize() > 1) {
      this.pool = createValidationPool(poolSize(), this.onFail);
      this.pool.configure(this.config());
    }
    const answer: Promise<RowsVerdicts> = this.pool && start > 0 ? this.pool.validate(packed) : Promise.resolve(here());
    this.settled = this.settled.then(async () => settle(await answer));
    this.inflight.push(this.settled);
  }

  /** Waits while more than two batches a pool worker are in flight, for the oldest one only. */
  async backpressure(): Promise<void> {
    while (this.inflight.length > 2 * (this.pool?.size ?? 1)) await this.inflight.shift();
  }

  /** Resolves once every batch handed over has been settled. */
  drained(): Promise<void> {
    return this.settled;
  }

  /** Lets the batches handed over settle, then stops the pool (another file is opened). */
  async stop(): Promise<void> {
    await this.settled;
    this.inflight.length = 0;
    this.pool?.stop();
    this.pool = null;
  }
}
