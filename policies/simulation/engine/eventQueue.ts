/**
 * The simulator's timed events: a binary min-heap ordered by time, then by insertion order, so
 * that events at the same instant run in the order they were scheduled (determinism). Stored in
 * flat typed arrays: a replay pushes and pops one or two events per request per option.
 */
export class EventQueue {
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private kinds = new Int32Array(1024);
  private args = new Int32Array(1024);
  private tags = new Int32Array(1024);
  private size = 0;
  private seq = 0;

  /** Number of pending events. */
  get length(): number {
    return this.size;
  }

  /** Time of the earliest event, `Infinity` when empty. */
  peekTime(): number {
    return this.size === 0 ? Number.POSITIVE_INFINITY : (this.times[0] as number);
  }

  /** Schedules event `kind` for `arg` at `time`; `tag` lets a handler ignore stale events. */
  push(time: number, kind: number, arg: number, tag = 0): void {
    if (this.size === this.times.length) this.grow();
    let i = this.size++;
    const s = this.seq++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = this.times[parent] as number;
      if (pt < time || (pt === time && (this.seqs[parent] as number) < s)) break;
      this.move(parent, i);
      i = parent;
    }
    this.times[i] = time;
    this.seqs[i] = s;
    this.kinds[i] = kind;
    this.args[i] = arg;
    this.tags[i] = tag;
  }

  /** Removes the earliest event into `out` (reused to avoid allocation); false when empty. */
  pop(out: PoppedEvent): boolean {
    if (this.size === 0) return false;
    out.time = this.times[0] as number;
    out.kind = this.kinds[0] as number;
    out.arg = this.args[0] as number;
    out.tag = this.tags[0] as number;
    const last = --this.size;
    if (last === 0) return true;
    const t = this.times[last] as number;
    const s = this.seqs[last] as number;
    const k = this.kinds[last] as number;
    const a = this.args[last] as number;
    const g = this.tags[last] as number;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= last) break;
      const r = l + 1;
      let c = l;
      if (r < last) {
        const lt = this.times[l] as number;
        const rt = this.times[r] as number;
        if (rt < lt || (rt === lt && (this.seqs[r] as number) < (this.seqs[l] as number))) c = r;
      }
      const ct = this.times[c] as number;
      if (ct > t || (ct === t && (this.seqs[c] as number) > s)) break;
      this.move(c, i);
      i = c;
    }
    this.times[i] = t;
    this.seqs[i] = s;
    this.kinds[i] = k;
    this.args[i] = a;
    this.tags[i] = g;
    return true;
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from] as number;
    this.seqs[to] = this.seqs[from] as number;
    this.kinds[to] = this.kinds[from] as number;
    this.args[to] = this.args[from] as number;
    this.tags[to] = this.tags[from] as number;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const t = new Float64Array(n);
    t.set(this.times);
    this.times = t;
    const s = new Float64Array(n);
    s.set(this.seqs);
    this.seqs = s;
    const k = new Int32Array(n);
    k.set(this.kinds);
    this.kinds = k;
    const a = new Int32Array(n);
    a.set(this.args);
    this.args = a;
    const g = new Int32Array(n);
    g.set(this.tags);
    this.tags = g;
  }
}

/** The event {@link EventQueue.pop} fills in. */
export interface PoppedEvent {
  time: number;
  kind: number;
  arg: number;
  tag: number;
}

/** A fresh, reusable {@link PoppedEvent}. */
export function poppedEvent(): PoppedEvent {
  return { time: 0, kind: 0, arg: 0, tag: 0 };
}
