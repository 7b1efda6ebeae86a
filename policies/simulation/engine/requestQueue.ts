/** A FIFO of waiting requests in a growable ring of typed arrays. */
export class RequestQueue {
  private arrival = new Float64Array(256);
  private input = new Float64Array(256);
  private output = new Float64Array(256);
  private head = 0;
  private size = 0;

  /** Waiting requests. */
  get length(): number {
    return this.size;
  }

  push(arrival: number, input: number, output: number): void {
    if (this.size === this.arrival.length) this.grow();
    const i = (this.head + this.size) % this.arrival.length;
    this.arrival[i] = arrival;
    this.input[i] = input;
    this.output[i] = output;
    this.size++;
  }

  /** Arrival of the oldest request (call only when not empty). */
  peekArrival(): number {
    return this.arrival[this.head] as number;
  }

  /** Removes the oldest request into `out`. */
  shift(out: { arrival: number; input: number; output: number }): void {
    out.arrival = this.arrival[this.head] as number;
    out.input = this.input[this.head] as number;
    out.output = this.output[this.head] as number;
    this.head = (this.head + 1) % this.arrival.length;
    this.size--;
  }

  private grow(): void {
    const n = this.arrival.length * 2;
    const a = new Float64Array(n);
    const i = new Float64Array(n);
    const o = new Float64Array(n);
    for (let k = 0; k < this.size; k++) {
      const j = (this.head + k) % this.arrival.length;
      a[k] = this.arrival[j] as number;
      i[k] = this.input[j] as number;
      o[k] = this.output[j] as number;
    }
    this.arrival = a;
    this.input = i;
    this.output = o;
    this.head = 0;
  }
}
