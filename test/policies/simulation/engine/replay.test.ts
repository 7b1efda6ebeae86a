import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type {
  KubernetesParams,
  ManagedApiParams,
  OptionParams,
  ReplicaModel,
  ServerlessParams,
} from "../../../../policies/simulation/engine/params.js";
import { replay } from "../../../../policies/simulation/engine/simulate.js";
import { LogHistogram } from "../../../../policies/simulation/histogram.js";
import { newBatch, type TraceSource } from "../../../../policies/simulation/trace/types.js";

const replica: ReplicaModel = {
  decodeTokensPerSecond: 400,
  prefillToDecode: 12,
  singleStreamShare: 0.15,
  maxConcurrency: 32,
  warmBaseMs: 100,
  warmQueueFactor: 3,
};
const id = (platform: OptionParams["platform"], variant: string) => ({
  id: `${platform}/aws/${variant}`,
  platform,
  cloud: "aws",
  variant,
  service: "test",
});
const api: ManagedApiParams = {
  kind: "managed-api",
  ...id("managed-api", "on-demand"),
  inputUsdPerMTokens: 0.22,
  outputUsdPerMTokens: 0.5,
  ttftMs: 800,
  rateLimit: null,
};
const serverless: ServerlessParams = {
  kind: "serverless-gpu",
  ...id("serverless-gpu", "scale-to-zero"),
  replica,
  usdPerInstanceHour: 1.4,
  minInstances: 0,
  maxInstances: 50,
  coldStartS: 30,
  idleTailS: 300,
  targetUtilisation: 0.6,
  coldStartErrors: false,
};
const kubernetes = (replicas: number, autoscale = true): KubernetesParams => ({
  kind: "kubernetes",
  ...id("kubernetes", `r${replicas}`),
  replica,
  replicasPerUnit: 1,
  nodesPerUnit: 1,
  onDemandUsdPerNodeHour: 1,
  spotUsdPerNodeHour: 0.4,
  spotInterruptionsPerNodeMonth: 2000,
  floorReplicas: 1,
  initialReplicas: replicas,
  maxReplicas: autoscale ? 20 : replicas,
  nodeScaleUpS: 200,
  podStartS: 20,
  autoscaler: {
    enabled: autoscale,
    syncS: 15,
    metricDelayS: 60,
    targetUtilisation: 0.8,
    scaleDownStabilizationS: 300,
    nodeUnneededS: 600,
  },
  overheadFactor: 1.25,
  controlPlaneUsdPerHour: 0.1,
  operationsUsdPerHour: 4,
  seed: 1,
});
const hybrid: OptionParams = {
  kind: "hybrid",
  ...id("hybrid", "on-demand"),
  base: kubernetes(2, false),
  overflow: serverless,
};

/** An in-memory trace: sorted arrivals with token counts. */
function source(requests: Array<[number, number, number]>): TraceSource {
  const sorted = [...requests].sort((a, b) => a[0] - b[0]);
  return {
    async *[Symbol.asyncIterator]() {
      for (let i = 0; i < sorted.length; i += 100) {
        const part = sorted.slice(i, i + 100);
        const b = newBatch(part.length);
        part.forEach(([t, input, output], k) => {
          b.t[k] = t;
          b.input[k] = input;
          b.output[k] = output;
        });
        b.length = part.length;
        yield b;
      }
    },
  };
}

const request = fc.tuple(
  fc.double({ min: 0, max: 3600, noNaN: true }),
  fc.integer({ min: 0, max: 8000 }),
  fc.integer({ min: 0, max: 1000 }),
);
const trace = fc.array(request, { minLength: 1, maxLength: 300 });
const all: OptionParams[] = [api, serverless, kubernetes(2), hybrid];

const totalCost = (cost: Record<string, number>) => Object.values(cost).reduce((a, b) => a + b, 0);

describe("replay", () => {
  it("serves every request and token of the trace on every option (conservation)", async () => {
    await fc.assert(
      fc.asyncProperty(trace, async (requests) => {
        const r = await replay(source(requests), all, 2000);
        const input = requests.reduce((a, x) => a + x[1], 0);
        const output = requests.reduce((a, x) => a + x[2], 0);
        for (const m of r.metrics) {
          expect(m.requests).toBe(requests.length);
          expect(m.inputTokens).toBe(input);
          expect(m.outputTokens).toBe(output);
          expect(m.ttftMs.count).toBe(requests.length);
          for (const v of Object.values(m.cost)) expect(v).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("is deterministic for a given seed, Spot interruptions included", async () => {
    const requests: Array<[number, number, number]> = Array.from({ length: 2000 }, (_, i) => [
      (i * 7919) % 7200,
      500 + ((i * 31) % 2000),
      50 + ((i * 17) % 400),
    ]);
    const a = await replay(source(requests), all, 2000);
    const b = await replay(source(requests), all, 2000);
    expect(a.metrics.map((m) => [m.cost, m.ttftMs.quantile(0.95), m.spotInterruptions])).toEqual(
      b.metrics.map((m) => [m.cost, m.ttftMs.quantile(0.95), m.spotInterruptions]),
    );
    expect(a.metrics[2]?.spotInterruptions).toBeGreaterThan(0);
  });

  it("never queues longer with more fixed replicas", async () => {
    await fc.assert(
      fc.asyncProperty(trace, fc.integer({ min: 1, max: 6 }), async (requests, n) => {
        const r = await replay(source(requests), [kubernetes(n, false), kubernetes(n + 1, false)], 2000);
        const [few, more] = r.metrics;
        expect((more?.queueDelayS.mean ?? 0) <= (few?.queueDelayS.mean ?? 0) + 1e-9).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("costs a fixed fleet no less, and a managed API proportionally more, as the trace grows", async () => {
    await fc.assert(
      fc.asyncProperty(trace, async (requests) => {
        const doubled = requests.flatMap((r) => [r, r]);
        const options = [api, kubernetes(3, false)];
        const [one, two] = [
          await replay(source(requests), options, 2000),
          await replay(source(doubled), options, 2000),
        ];
        expect(totalCost(two.metrics[0]?.cost ?? {})).toBeCloseTo(
          2 * totalCost(one.metrics[0]?.cost ?? {}),
          9,
        );
        expect(totalCost(two.metrics[1]?.cost ?? {})).toBeGreaterThanOrEqual(
          totalCost(one.metrics[1]?.cost ?? {}) - 1e-9,
        );
      }),
      { numRuns: 30 },
    );
  });

  it("bills a managed API exactly per token and throttles above its quota", async () => {
    const requests: Array<[number, number, number]> = Array.from({ length: 120 }, (_, i) => [
      i / 10,
      1000,
      100,
    ]);
    const limited: ManagedApiParams = { ...api, rateLimit: { requestsPerMinute: 60, tokensPerMinute: null } };
    const r = await replay(source(requests), [api, limited], 2000);
    expect(totalCost(r.metrics[0]?.cost ?? {})).toBeCloseTo((120 * 1000 * 0.22 + 120 * 100 * 0.5) / 1e6, 12);
    expect(r.metrics[0]?.queueDelayS.max).toBe(0);
    // 120 requests in 12 s against 60 a minute with a minute of burst: the last waits ~48 s.
    expect(r.metrics[1]?.queueDelayS.max).toBeGreaterThan(40);
  });

  it("cold-starts a scale-to-zero endpoint after an idle gap longer than the tail", async () => {
    const requests: Array<[number, number, number]> = [
      [0, 500, 50],
      [1000, 500, 50],
    ];
    // A 30 s tail: the opening load (one request a minute) does not keep an instance warm.
    const r = await replay(source(requests), [{ ...serverless, idleTailS: 30 }], 2000);
    const m = r.metrics[0];
    expect(m?.coldStarts).toBe(2);
    expect(m?.coldStartRequests).toBe(2);
    expect(m?.ttftMs.max).toBeGreaterThan(30_000);
    expect(m?.peakInstances).toBe(1);
    // Two lives of a 30 s start and the request, the first with its 30 s tail (billing stops at
    // the horizon, the last completion); nothing billed in between.
    expect(m?.cost.instances).toBeGreaterThan((90 * 1.4) / 3600);
    expect(m?.cost.instances).toBeLessThan((2 * 100 * 1.4) / 3600);
  });

  it("starts a busy endpoint warm: the opening load keeps instances within the tail", async () => {
    const requests: Array<[number, number, number]> = Array.from({ length: 600 }, (_, i) => [i, 500, 50]);
    const r = await replay(source(requests), [serverless], 2000);
    expect(r.metrics[0]?.coldStartRequests).toBe(0);
  });
});

describe("LogHistogram", () => {
  it("agrees with exact counts at its anchor and stays within 1 % elsewhere", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 500 }),
        (values) => {
          const h = new LogHistogram(2000);
          for (const v of values) h.add(v);
          const sorted = [...values].sort((a, b) => a - b);
          for (const q of [0.5, 0.95, 0.99]) {
            const exact = sorted[Math.max(0, Math.ceil(q * values.length) - 1)] as number;
            const got = h.quantile(q);
            expect(got).toBeGreaterThanOrEqual(exact * (1 - 1e-9));
            expect(got).toBeLessThanOrEqual(exact * 1.0101);
            expect(got <= 2000).toBe(exact <= 2000);
          }
        },
      ),
    );
  });
});
