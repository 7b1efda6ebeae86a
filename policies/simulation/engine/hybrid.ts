import { KubernetesSimulator } from "./kubernetes.js";
import { ManagedApiSimulator } from "./managedApi.js";
import { OptionMetrics } from "./metrics.js";
import type { HybridParams, ManagedApiParams } from "./params.js";
import { ServerlessSimulator } from "./serverless.js";
import type { OptionSimulator } from "./simulator.js";

/**
 * A fixed Kubernetes base with overflow: a request goes to the base when one of its replicas runs
 * below saturation and nothing waits there, otherwise to the overflow (a serverless endpoint or a
 * model API). Both bill into one set of metrics.
 */
export class HybridSimulator implements OptionSimulator {
  private readonly metrics: OptionMetrics;
  private readonly base: KubernetesSimulator;
  private readonly overflow: OptionSimulator;
  private readonly overflowPool: ServerlessSimulator | null;

  constructor(p: HybridParams, sloTtftMs: number) {
    this.metrics = new OptionMetrics(sloTtftMs);
    this.base = new KubernetesSimulator(p.base, sloTtftMs, this.metrics);
    this.overflowPool =
      p.overflow.kind === "managed-api" ? null : new ServerlessSimulator(p.overflow, sloTtftMs, this.metrics);
    this.overflow =
      this.overflowPool ?? new ManagedApiSimulator(p.overflow as ManagedApiParams, sloTtftMs, this.metrics);
  }

  feed(t: Float64Array, input: Float64Array, output: Float64Array, n: number): void {
    for (let i = 0; i < n; i++) {
      const at = t[i] as number;
      this.advanceTo(at);
      this.arrive(at, input[i] as number, output[i] as number);
      this.metrics.capacity.note(at, this.base.liveNodes + (this.overflowPool?.pool.live ?? 0));
    }
  }

  advanceTo(t: number): void {
    this.base.advanceTo(t);
    this.overflow.advanceTo(t);
  }

  arrive(t: number, input: number, output: number): void {
    if (this.base.tryArrive(t, input, output)) return;
    this.metrics.overflowRequests++;
    this.overflow.arrive(t, input, output);
  }

  drain(): number {
    return Math.max(this.base.drain(), this.overflow.drain());
  }

  close(horizon: number): OptionMetrics {
    this.base.close(horizon);
    this.overflow.close(horizon);
    return this.metrics;
  }
}
