/**
 * The simulator's timed events: a binary min-heap ordered by time, then by insertion order, so
 * that events at the same instant run in the order they were scheduled (determinism). Stored in
 * flat typed arrays.
 *
 * Besides one-off events ({@link EventQueue.push}) it holds keyed timers ({@link EventQueue.set}):
 * at most one entry per key (a replica's next completion, its idle check), moved in place when
 * rescheduled. A rescheduled timer takes a fresh insertion number, exactly as a newly pushed event
 * would, so the order of live events is the same as pushing a new event and skipping the stale
 * one; but the heap holds one entry per replica instead of one per request.
 */
export class EventQueue {
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private kinds = new Int32Array(1024);
  private args = new Int32Array(1024);
  private tags = new Int32Array(1024);
  /** Key of each heap slot, -1 for a one-off event. */
  private keys = new Int32Array(1024);
  /** Heap slot of each key, -1 when the key has no pending timer. */
  private slots = new Int32Array(64).fill(-1);
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
    const i = this.up(this.size++, time, this.seq);
    this.write(i, time, this.seq++, kind, arg, tag, -1);
  }

  /**
   * Schedules the timer `key` (a small non-negative integer) at `time`, replacing its pending
   * entry if any.
   */
  set(key: number, time: number, kind: number, arg: number, tag = 0): void {
    if (key >= this.slots.length) this.growSlots(key);
    const s = this.seq++;
    const at = this.slots[key] as number;
    let i: number;
    if (at < 0) {
      if (this.size === this.times.length) this.grow();
      i = this.up(this.size++, time, s);
    } else {
      const old = this.times[at] as number;
      i = time < old ? this.up(at, time, s) : this.down(at, time, s, this.size);
    }
    this.write(i, time, s, kind, arg, tag, key);
  }

  /** Removes the pending entry of timer `key`, if any. */
  cancel(key: number): void {
    if (key >= this.slots.length) return;
    const at = this.slots[key] as number;
    if (at < 0) return;
    this.slots[key] = -1;
    const last = --this.size;
    if (at === last) return;
    const t = this.times[last] as number;
    const s = this.seqs[last] as number;
    const k = this.kinds[last] as number;
    const a = this.args[last] as number;
    const g = this.tags[last] as number;
    const y = this.keys[last] as number;
    let i = this.up(at, t, s);
    if (i === at) i = this.down(at, t, s, last);
    this.write(i, t, s, k, a, g, y);
  }

  /** Removes the earliest event into `out` (reused to avoid allocation); false when empty. */
  pop(out: PoppedEvent): boolean {
    if (this.size === 0) return false;
    out.time = this.times[0] as number;
    out.kind = this.kinds[0] as number;
    out.arg = this.args[0] as number;
    out.tag = this.tags[0] as number;
    const key = this.keys[0] as number;
    if (key >= 0) this.slots[key] = -1;
    const last = --this.size;
    if (last === 0) return true;
    const t = this.times[last] as number;
    const s = this.seqs[last] as number;
    const k = this.kinds[last] as number;
    const a = this.args[last] as number;
    const g = this.tags[last] as number;
    const y = this.keys[last] as number;
    this.write(this.down(0, t, s, last), t, s, k, a, g, y);
    return true;
  }

  /** Moves parents down from the hole at `i` until `(time, s)` fits; returns the hole. */
  private up(i: number, time: number, s: number): number {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = this.times[parent] as number;
      if (pt < time || (pt === time && (this.seqs[parent] as number) < s)) break;
      this.move(parent, i);
      i = parent;
    }
    return i;
  }

  /** Moves children up from the hole at `i` (heap of `n` slots) until `(time, s)` fits. */
  private down(i: number, time: number, s: number, n: number): number {
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n) {
        const lt = this.times[l] as number;
        const rt = this.times[r] as number;
        if (rt < lt || (rt === lt && (this.seqs[r] as number) < (this.seqs[l] as number))) c = r;
      }
      const ct = this.times[c] as number;
      if (ct > time || (ct === time && (this.seqs[c] as number) > s)) break;
      this.move(c, i);
      i = c;
    }
    return i;
  }

  private write(i: number, t: number, s: number, k: number, a: number, g: number, key: number): void {
    this.times[i] = t;
    this.seqs[i] = s;
    this.kinds[i] = k;
    this.args[i] = a;
    this.tags[i] = g;
    this.keys[i] = key;
    if (key >= 0) this.slots[key] = i;
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from] as number;
    this.seqs[to] = this.seqs[from] as number;
    this.kinds[to] = this.kinds[from] as number;
    this.args[to] = this.args[from] as number;
    this.tags[to] = this.tags[from] as number;
    const key = this.keys[from] as number;
    this.keys[to] = key;
    if (key >= 0) this.slots[key] = to;
  }

  private growSlots(key: number): void {
    let n = this.slots.length * 2;
    while (n <= key) n *= 2;
    const slots = new Int32Array(n).fill(-1);
    slots.set(this.slots);
    this.slots = slots;
  }

  private grow(): void {
    const n = this.times.length * 2;
    this.times = grown(this.times, n);
    this.seqs = grown(this.seqs, n);
    this.kinds = grown(this.kinds, n);
    this.args = grown(this.args, n);
    this.tags = grown(this.tags, n);
    this.keys = grown(this.keys, n);
  }
}

/** A copy of `array` with room for `length` entries. */
function grown<T extends Float64Array | Int32Array>(array: T, length: number): T {
  const copy = new (array.constructor as new (length: number) => T)(length);
  copy.set(array);
  return copy;
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
