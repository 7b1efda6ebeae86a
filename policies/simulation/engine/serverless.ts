import { hash32 } from "../random.js";
import { EventQueue, poppedEvent } from "./eventQueue.js";
import { EV, GpuPool, type Server, ServerState } from "./gpuPool.js";
import { OptionMetrics } from "./metrics.js";
import type { ServerlessParams } from "./params.js";
import type { OptionSimulator } from "./simulator.js";

/**
 * A serverless GPU endpoint (Cloud Run, SageMaker). Instances start at the minimum, warm. On each
 * arrival the autoscaler wants `ceil((running + queued) / (saturation x target))` instances within
 * [min, max] and starts the missing ones, each a cold start of `coldStartS`; an instance idle for
 * `idleTailS` is removed (not below the minimum). Instances are billed for their whole life, start
 * included (Cloud Run instance-based billing). With `coldStartErrors`, a request arriving while no
 * instance is ready fails once and is retried until served (SageMaker scale from zero).
 */
export class ServerlessSimulator implements OptionSimulator {
  readonly metrics: OptionMetrics;
  private readonly events = new EventQueue();
  readonly pool: GpuPool;
  private readonly ev = poppedEvent();
  private readonly perInstance: number;
  private readonly shared: boolean;
  private peak = 0;

  constructor(
    private readonly p: ServerlessParams,
    sloTtftMs: number,
    metrics?: OptionMetrics,
  ) {
    this.metrics = metrics ?? new OptionMetrics(sloTtftMs);
    this.shared = metrics !== undefined;
    this.pool = new GpuPool(
      p.replica,
      this.events,
      this.metrics,
      (s, t) => this.idle(s, t),
      undefined,
      hash32(p.id),
    );
    this.perInstance = this.pool.saturation * p.targetUtilisation;
    for (let i = 0; i < p.minInstances; i++) this.pool.add(0, 0);
    this.peak = this.pool.live;
  }

  /**
   * Starts warm with the instances the autoscaler would hold for the opening load, when that load
   * keeps an instance busy within the idle tail (at least one request per tail); otherwise the
   * endpoint starts at its minimum.
   */
  warmStart(requestsPerSecond: number, meanInput: number, meanOutput: number): void {
    if (requestsPerSecond * this.p.idleTailS < 1) return;
    const m = this.p.replica;
    const work =
      meanOutput / m.decodeTokensPerSecond + meanInput / (m.decodeTokensPerSecond * m.prefillToDecode);
    const concurrency = (requestsPerSecond * work) / m.singleStreamShare;
    const want = Math.min(this.p.maxInstances, Math.max(1, Math.ceil(concurrency / this.perInstance)));
    for (let i = this.pool.live; i < want; i++) this.pool.add(0, 0);
    if (this.pool.live > this.peak) this.peak = this.pool.live;
  }

  private idle(server: Server, t: number): void {
    // One idle check per instance: a newer one always supersedes the pending one (an admission
    // came in between and bumped `idleTag`), so it replaces it on the instance's timer.
    this.events.set(2 * server.id + 1, t + this.p.idleTailS, EV.idle, server.id, server.idleTag);
  }

  private bill(server: Server, until: number): void {
    this.metrics.addCost("instances", ((until - server.startedAt) * this.p.usdPerInstanceHour) / 3600);
  }

  private handle(): void {
    const e = this.ev;
    const server = this.pool.servers[e.arg] as Server;
    if (e.kind === EV.complete) this.pool.complete(server, e.time, e.tag);
    else if (e.kind === EV.ready) this.pool.ready(server, e.time);
    else if (e.kind === EV.idle) {
      if (server.state === ServerState.Ready && server.active === 0 && server.idleTag === e.tag) {
        if (this.pool.live > this.p.minInstances) {
          this.pool.drain(server, e.time);
          this.bill(server, e.time);
        }
      }
    }
  }

  feed(t: Float64Array, input: Float64Array, output: Float64Array, n: number): void {
    for (let i = 0; i < n; i++) {
      const at = t[i] as number;
      this.advanceTo(at);
      this.arrive(at, input[i] as number, output[i] as number);
      this.metrics.capacity.note(at, this.pool.live);
    }
  }

  advanceTo(t: number): void {
    while (this.events.peekTime() <= t && this.events.pop(this.ev)) this.handle();
  }

  arrive(t: number, input: number, output: number): void {
    const pool = this.pool;
    if (this.p.coldStartErrors && pool.readyCount === 0) this.metrics.errors++;
    pool.offer(t, input, output);
    const want = Math.min(
      this.p.maxInstances,
      Math.max(this.p.minInstances, Math.ceil((pool.inflight + pool.queue.length) / this.perInstance)),
    );
    for (let i = pool.live; i < want; i++) {
      pool.add(t, t + this.p.coldStartS);
      this.metrics.coldStarts++;
    }
    if (pool.live > this.peak) this.peak = pool.live;
  }

  drain(): number {
    while ((this.pool.inflight > 0 || this.pool.queue.length > 0) && this.events.pop(this.ev)) this.handle();
    return this.metrics.lastCompletion;
  }

  close(horizon: number): OptionMetrics {
    this.advanceTo(horizon);
    for (const s of this.pool.servers) {
      if (
        s.state === ServerState.Ready ||
        s.state === ServerState.Starting ||
        s.state === ServerState.Draining
      )
        this.bill(s, Math.max(horizon, s.startedAt));
    }
    this.metrics.addCost("instances", 0);
    if (this.shared) this.metrics.overflowPeakInstances = this.peak;
    else {
      this.metrics.peakInstances = this.peak;
      this.metrics.peakNodes = this.peak;
    }
    return this.metrics;
  }
}
