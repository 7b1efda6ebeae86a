import { Rng } from "../random.js";
import type { EventQueue } from "./eventQueue.js";
import type { OptionMetrics } from "./metrics.js";
import { type ReplicaModel, saturationConcurrency } from "./params.js";
import { RequestQueue } from "./requestQueue.js";

/** Event kinds shared by the GPU-backed simulators. */
export const EV = { complete: 1, ready: 2, idle: 3, tick: 4, interrupt: 5, unneeded: 6 } as const;

/** Lifecycle of a replica or instance. */
export enum ServerState {
  Starting = 0,
  Ready = 1,
  Draining = 2,
  Stopped = 3,
}

/** One model replica (Kubernetes) or instance (serverless). */
export interface Server {
  id: number;
  state: ServerState;
  startedAt: number;
  readyAt: number;
  /** Requests running. */
  active: number;
  /** Bumped on every activity, so a stale idle check can be told apart. */
  idleTag: number;
  /** The node unit it runs on (Kubernetes), else -1. */
  unit: number;
  /** Processor-sharing virtual time: replica-seconds of work each running request has received. */
  v: number;
  /** Real time `v` was last brought up to date. */
  vAt: number;
  /** Virtual finish times of the running requests (a min-heap). */
  finish: number[];
  /** Bumped whenever the next completion moves, so stale completion events are skipped. */
  completionTag: number;
  /** Time of the pending completion event, or -1 when none is pending. */
  nextAt: number;
  /** Position in the pool's ready list, -1 when not ready. */
  readyIdx: number;
}

/**
 * Replicas with batch slots behind one FIFO load-balancer queue (docs/simulation.md, "Event
 * model"). Each replica is a processor-sharing server: with `n` requests running, each progresses
 * at `min(share, 1/n)` replica-seconds per second, and finishes after
 * `work = output/decode + input/(prefillToDecode x decode)` replica-seconds (its time at full
 * batch). A request sees its first token after its wait for a slot plus
 * `base + prefill x (1 + (factor - 1) x min(1, n x share))`, `n` counted when it is admitted.
 */
export class GpuPool {
  /** Every server ever added, by id (events refer to them by id). */
  readonly servers: Server[] = [];
  /** Servers starting or ready: the ones the autoscalers look at. */
  readonly liveServers: Server[] = [];
  /** Ready servers: the ones the load balancer picks from. */
  private readonly readyList: Server[] = [];
  readonly queue = new RequestQueue();
  /** Requests running on replicas. */
  inflight = 0;
  /** Replicas starting or ready (not draining or stopped). */
  live = 0;
  readyCount = 0;
  /** Concurrency where throughput saturates. */
  readonly saturation: number;
  private readonly popped = { arrival: 0, input: 0, output: 0 };
  private readonly decode: number;
  private readonly prefill: number;
  private readonly baseS: number;
  private readonly lb: Rng;

  constructor(
    readonly model: ReplicaModel,
    private readonly events: EventQueue,
    private readonly metrics: OptionMetrics,
    /** Called when a server has nothing running and nothing queued for it. */
    private readonly onIdle: (server: Server, t: number) => void = () => {},
    /** Called when a draining server finishes its last request. */
    private readonly onDrained: (server: Server, t: number) => void = () => {},
    /** Seed of the load balancer's random choices. */
    seed = 1,
  ) {
    this.lb = new Rng(seed, "load-balancer");
    this.saturation = saturationConcurrency(model);
    this.decode = model.decodeTokensPerSecond;
    this.prefill = model.decodeTokensPerSecond * model.prefillToDecode;
    this.baseS = model.warmBaseMs / 1000;
  }

  /** Adds a replica that serves from `readyAt` (ready now when `readyAt <= t`). */
  add(t: number, readyAt: number, unit = -1): Server {
    const server: Server = {
      id: this.servers.length,
      state: ServerState.Starting,
      startedAt: t,
      readyAt,
      active: 0,
      idleTag: 0,
      unit,
      v: 0,
      vAt: t,
      finish: [],
      completionTag: 0,
      nextAt: -1,
      readyIdx: -1,
    };
    this.servers.push(server);
    this.liveServers.push(server);
    this.live++;
    if (readyAt <= t) this.ready(server, t);
    else this.events.push(readyAt, EV.ready, server.id);
    return server;
  }

  /** Marks a starting replica ready and gives it queued requests. */
  ready(server: Server, t: number): void {
    if (server.state !== ServerState.Starting) return;
    server.state = ServerState.Ready;
    this.readyCount++;
    server.readyIdx = this.readyList.length;
    this.readyList.push(server);
    this.fill(server, t);
    if (server.active === 0) this.onIdle(server, t);
  }

  /**
   * A ready replica with a free slot below `limit`: the less busy of two drawn at random (the
   * least-request balancing with two choices that Envoy and the Gateway API inference extension
   * default to), else any with room; undefined when all are full.
   */
  private pick(limit: number): Server | undefined {
    const list = this.readyList;
    const n = list.length;
    if (n === 0) return undefined;
    if (n > 2) {
      const i = this.lb.int(n);
      let j = this.lb.int(n - 1);
      if (j >= i) j++;
      const a = list[i] as Server;
      const b = list[j] as Server;
      const best = b.active < a.active ? b : a;
      if (best.active < limit) return best;
    }
    let best: Server | undefined;
    for (let i = 0; i < n; i++) {
      const s = list[i] as Server;
      if (s.active < limit && (best === undefined || s.active < best.active)) best = s;
    }
    return best;
  }

  /** Admits the request to a free slot, or queues it. */
  offer(t: number, input: number, output: number): void {
    const server = this.queue.length === 0 ? this.pick(this.model.maxConcurrency) : undefined;
    if (server) this.admit(server, t, t, input, output);
    else this.queue.push(t, input, output);
  }

  /**
   * Admits the request only if a replica runs below saturation and nobody waits (hybrid bases);
   * false leaves it to the caller.
   */
  offerBelowSaturation(t: number, input: number, output: number): boolean {
    if (this.queue.length > 0) return false;
    const server = this.pick(this.saturation);
    if (!server) return false;
    this.admit(server, t, t, input, output);
    return true;
  }

  private rate(n: number): number {
    return Math.min(this.model.singleStreamShare, 1 / n);
  }

  /** Brings the replica's virtual time up to `t`. */
  private advance(server: Server, t: number): void {
    if (server.active > 0) server.v += (t - server.vAt) * this.rate(server.active);
    server.vAt = t;
  }

  /**
   * Schedules the replica's next completion on its timer (key `2 x id`; `2 x id + 1` is left to the
   * owner, e.g. an idle check), replacing the earlier one.
   */
  private schedule(server: Server, t: number): void {
    server.completionTag++;
    if (server.active === 0) {
      this.events.cancel(2 * server.id);
      return;
    }
    const next = (server.finish[0] as number) - server.v;
    this.events.set(
      2 * server.id,
      t + Math.max(0, next) / this.rate(server.active),
      EV.complete,
      server.id,
      server.completionTag,
    );
  }

  private admit(server: Server, t: number, arrival: number, input: number, output: number): void {
    this.advance(server, t);
    const n = ++server.active;
    server.idleTag++;
    this.inflight++;
    const m = this.model;
    const prefillS = input / this.prefill;
    heapPush(server.finish, server.v + output / this.decode + prefillS);
    const load = Math.min(1, n * m.singleStreamShare);
    const firstTokenS = this.baseS + prefillS * (1 + (m.warmQueueFactor - 1) * load);
    if (server.readyAt > arrival) this.metrics.coldStartRequests++;
    this.metrics.served(input, output, t - arrival, (t - arrival + firstTokenS) * 1000);
    this.schedule(server, t);
  }

  /** Gives a ready replica queued requests up to its slot limit. */
  private fill(server: Server, t: number): void {
    const q = this.queue;
    const p = this.popped;
    while (q.length > 0 && server.active < this.model.maxConcurrency) {
      q.shift(p);
      this.admit(server, t, p.arrival, p.input, p.output);
    }
  }

  /** A completion event for `server` fired at `t` (ignored when `tag` is stale). */
  complete(server: Server, t: number, tag: number): void {
    if (tag !== server.completionTag) return;
    server.nextAt = -1;
    this.advance(server, t);
    const done = server.v + 1e-9 * Math.max(1, server.v);
    while (server.finish.length > 0 && (server.finish[0] as number) <= done) {
      heapPop(server.finish);
      server.active--;
      this.inflight--;
    }
    if (t + this.baseS > this.metrics.lastCompletion) this.metrics.lastCompletion = t + this.baseS;
    if (server.state === ServerState.Ready) {
      this.fill(server, t);
      this.schedule(server, t);
      if (server.active === 0) this.onIdle(server, t);
    } else {
      this.schedule(server, t);
      if (server.state === ServerState.Draining && server.active === 0) {
        this.stop(server);
        this.onDrained(server, t);
      }
    }
  }

  /** Stops admitting to `server`; it stops when its running requests finish. Returns true if stopped now. */
  drain(server: Server, _t: number): boolean {
    if (server.state === ServerState.Stopped || server.state === ServerState.Draining) return false;
    if (server.state === ServerState.Ready) {
      this.readyCount--;
      const last = this.readyList.pop() as Server;
      if (last !== server) {
        this.readyList[server.readyIdx] = last;
        last.readyIdx = server.readyIdx;
      }
      server.readyIdx = -1;
    }
    this.live--;
    const i = this.liveServers.indexOf(server);
    if (i >= 0) this.liveServers.splice(i, 1);
    if (server.active === 0) {
      server.state = ServerState.Stopped;
      return true;
    }
    server.state = ServerState.Draining;
    return false;
  }

  private stop(server: Server): void {
    server.state = ServerState.Stopped;
  }
}

function heapPush(h: number[], v: number): void {
  let i = h.length;
  h.push(v);
  while (i > 0) {
    const p = (i - 1) >> 1;
    if ((h[p] as number) <= v) break;
    h[i] = h[p] as number;
    i = p;
  }
  h[i] = v;
}

function heapPop(h: number[]): void {
  const last = h.pop() as number;
  const n = h.length;
  if (n === 0) return;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const c = r < n && (h[r] as number) < (h[l] as number) ? r : l;
    if ((h[c] as number) >= last) break;
    h[i] = h[c] as number;
    i = c;
  }
  h[i] = last;
}
