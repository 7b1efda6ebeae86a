/**
 * Percentiles in constant memory: a log-bucketed histogram whose bucket edges are
 * `anchor x ratio^k`. Anchoring it on the SLO threshold makes "p95 <= SLO" read from the histogram
 * agree exactly with the count of requests above the threshold.
 */
export class LogHistogram {
  private readonly counts: Float64Array;
  private readonly logRatio: number;
  private readonly below: number;
  private n = 0;
  private sum = 0;
  private minValue = Number.POSITIVE_INFINITY;
  private maxValue = 0;

  /**
   * @param anchor a bucket edge (e.g. the SLO), > 0
   * @param ratio edge-to-edge ratio; 1.01 gives 1 % resolution
   * @param below buckets below the anchor (and as many above); values outside land in the end buckets
   */
  constructor(
    readonly anchor: number,
    readonly ratio = 1.01,
    below = 1400,
  ) {
    this.logRatio = Math.log(ratio);
    this.below = below;
    this.counts = new Float64Array(2 * below + 2);
  }

  /** Records one value (negative values count as 0). */
  add(value: number): void {
    const v = Math.max(value, 0);
    this.n++;
    this.sum += v;
    if (v < this.minValue) this.minValue = v;
    if (v > this.maxValue) this.maxValue = v;
    if (v === 0) {
      this.counts[0] = (this.counts[0] ?? 0) + 1;
      return;
    }
    let k = v === 0 ? -this.below : Math.ceil(Math.log(v / this.anchor) / this.logRatio);
    if (v <= this.anchor && k > 0) k = 0;
    if (v > this.anchor && k < 1) k = 1;
    if (k < -this.below) k = -this.below;
    if (k > this.below + 1) k = this.below + 1;
    this.counts[k + this.below] = (this.counts[k + this.below] ?? 0) + 1;
  }

  /** How many values were recorded. */
  get count(): number {
    return this.n;
  }

  /** Mean of the recorded values, 0 when empty. */
  get mean(): number {
    return this.n === 0 ? 0 : this.sum / this.n;
  }

  /** Largest recorded value, 0 when empty. */
  get max(): number {
    return this.maxValue;
  }

  /**
   * The `q` quantile (0 < q <= 1) by the nearest-rank rule: the upper edge of the bucket holding
   * the ceil(q x n)-th smallest value, clamped to the observed range. 0 when empty.
   */
  quantile(q: number): number {
    if (this.n === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.n));
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i] ?? 0;
      if (seen >= rank) {
        const edge = this.anchor * Math.exp((i - this.below) * this.logRatio);
        return Math.min(Math.max(edge, this.minValue), this.maxValue);
      }
    }
    return this.maxValue;
  }
}
