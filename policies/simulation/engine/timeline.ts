/**
 * A time series in constant memory: at most `limit` buckets; when time runs past the last one,
 * buckets are merged in pairs and their width doubles. Holds the maximum (capacity) or the sum
 * (requests) of what is noted in each bucket.
 */
export class Timeline {
  private values: Float64Array;
  private width: number;
  private used = 0;

  constructor(
    readonly mode: "max" | "sum",
    initialWidthS = 60,
    private readonly limit = 512,
  ) {
    this.values = new Float64Array(limit);
    this.width = initialWidthS;
  }

  /** Notes `value` at time `t` (s, >= 0). */
  note(t: number, value: number): void {
    let k = Math.floor(t / this.width);
    while (k >= this.limit) {
      this.halve();
      k = Math.floor(t / this.width);
    }
    const v = this.values;
    if (this.mode === "sum") v[k] = (v[k] as number) + value;
    else if (value > (v[k] as number)) v[k] = value;
    if (k + 1 > this.used) this.used = k + 1;
  }

  private halve(): void {
    const v = this.values;
    const half = this.limit / 2;
    for (let i = 0; i < half; i++) {
      const a = v[2 * i] as number;
      const b = v[2 * i + 1] as number;
      v[i] = this.mode === "sum" ? a + b : Math.max(a, b);
    }
    v.fill(0, half);
    this.width *= 2;
    this.used = Math.ceil(this.used / 2);
  }

  /** The buckets so far: start second and value. */
  points(): { widthS: number; points: Array<[number, number]> } {
    const points: Array<[number, number]> = [];
    for (let i = 0; i < this.used; i++) points.push([i * this.width, this.values[i] as number]);
    return { widthS: this.width, points };
  }
}
