import { OptionMetrics } from "./metrics.js";
import type { ManagedApiParams } from "./params.js";
import type { OptionSimulator } from "./simulator.js";

/**
 * A pay-per-token model API. Each request costs its tokens at the input and output prices and sees
 * the catalog's time to first token; with a rate limit, a request above the per-minute quota waits
 * until the quota admits it (a generic cell-rate algorithm allowing one minute of burst), which is
 * what a client retrying throttled calls experiences.
 */
export class ManagedApiSimulator implements OptionSimulator {
  private readonly metrics: OptionMetrics;
  private requestsTat = 0;
  private tokensTat = 0;
  private readonly ttftS: number;

  constructor(
    private readonly p: ManagedApiParams,
    sloTtftMs: number,
    metrics?: OptionMetrics,
  ) {
    this.metrics = metrics ?? new OptionMetrics(sloTtftMs);
    this.ttftS = p.ttftMs / 1000;
  }

  feed(t: Float64Array, input: Float64Array, output: Float64Array, n: number): void {
    for (let i = 0; i < n; i++) {
      const at = t[i] as number;
      this.advanceTo(at);
      this.arrive(at, input[i] as number, output[i] as number);
    }
  }

  advanceTo(_t: number): void {}

  arrive(t: number, input: number, output: number): void {
    let start = t;
    const limit = this.p.rateLimit;
    if (limit) {
      const rpm = limit.requestsPerMinute;
      const tpm = limit.tokensPerMinute;
      if (rpm !== null) start = Math.max(start, this.requestsTat - 60);
      if (tpm !== null) start = Math.max(start, this.tokensTat - 60);
      if (rpm !== null) this.requestsTat = Math.max(this.requestsTat, start) + 60 / rpm;
      if (tpm !== null) this.tokensTat = Math.max(this.tokensTat, start) + ((input + output) * 60) / tpm;
    }
    const m = this.metrics;
    m.served(input, output, start - t, (start - t + this.ttftS) * 1000);
    m.addCost("inputTokens", (input * this.p.inputUsdPerMTokens) / 1e6);
    m.addCost("outputTokens", (output * this.p.outputUsdPerMTokens) / 1e6);
    // Output streams at the API's pace; the request is done once its first token is out, for billing.
    if (start + this.ttftS > m.lastCompletion) m.lastCompletion = start + this.ttftS;
  }

  drain(): number {
    return this.metrics.lastCompletion;
  }

  close(_horizon: number): OptionMetrics {
    this.metrics.addCost("inputTokens", 0);
    this.metrics.addCost("outputTokens", 0);
    return this.metrics;
  }
}
