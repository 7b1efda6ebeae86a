import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventQueue, poppedEvent } from "../../../../policies/simulation/engine/eventQueue.js";

type Op =
  | { op: "push"; time: number; arg: number }
  | { op: "set"; key: number; time: number }
  | { op: "cancel"; key: number };

describe("EventQueue", () => {
  it("pops every pending event in (time, insertion) order, through growth, re-keyed timers and cancels", () => {
    const ops = fc.array(
      fc.oneof(
        fc.record({
          op: fc.constant("push" as const),
          time: fc.integer({ min: 0, max: 1000 }),
          arg: fc.nat(1_000_000),
        }),
        fc.record({
          op: fc.constant("set" as const),
          key: fc.nat(3000),
          time: fc.integer({ min: 0, max: 1000 }),
        }),
        fc.record({ op: fc.constant("cancel" as const), key: fc.nat(3000) }),
      ),
      // Past the initial capacity of 1,024 entries, so the arrays must grow.
      { minLength: 1500, maxLength: 4000 },
    );
    fc.assert(
      fc.property(ops, (list: Op[]) => {
        const queue = new EventQueue();
        // The model: pending events with their insertion sequence; a timer key has at most one.
        const pending = new Map<string, { time: number; seq: number; arg: number }>();
        let seq = 0;
        let pushes = 0;
        for (const o of list) {
          if (o.op === "push") {
            queue.push(o.time, 1, o.arg);
            pending.set(`p${pushes++}`, { time: o.time, seq: seq++, arg: o.arg });
          } else if (o.op === "set") {
            queue.set(o.key, o.time, 2, -o.key - 1);
            pending.set(`k${o.key}`, { time: o.time, seq: seq++, arg: -o.key - 1 });
          } else {
            queue.cancel(o.key);
            pending.delete(`k${o.key}`);
          }
        }
        const expected = [...pending.values()].sort((a, b) => a.time - b.time || a.seq - b.seq);
        expect(queue.length).toBe(expected.length);
        const out = poppedEvent();
        const got: { time: number; arg: number }[] = [];
        while (queue.pop(out)) got.push({ time: out.time, arg: out.arg });
        expect(got).toEqual(expected.map(({ time, arg }) => ({ time, arg })));
      }),
      // Shrinking a 4,000-operation counterexample takes minutes; the first failure says enough.
      { numRuns: 25, endOnFailure: true },
    );
  });
});
