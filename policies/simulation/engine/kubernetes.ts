import { Rng } from "../random.js";
import { EventQueue, poppedEvent } from "./eventQueue.js";
import { EV, GpuPool, type Server, ServerState } from "./gpuPool.js";
import { OptionMetrics } from "./metrics.js";
import type { KubernetesParams } from "./params.js";
import type { OptionSimulator } from "./simulator.js";

/** A node unit: one node, or the nodes one multi-node replica spans. */
interface Unit {
  id: number;
  spot: boolean;
  floor: boolean;
  startedAt: number;
  /** When a replica placed on it can start loading. */
  readyAt: number;
  alive: boolean;
  replicas: number;
  tag: number;
}

const SECONDS_PER_MONTH = 730 * 3600;

/**
 * A Kubernetes GPU node pool (docs/simulation.md, "Kubernetes"). The plan's replicas run warm at
 * time 0 on on-demand floor units and, when allowed, Spot units. Every `syncS` the autoscaler reads
 * the concurrency of `metricDelayS` ago and wants `ceil(concurrency / (saturation x target))`
 * replicas within [floor, max], scaling down only to the highest wish of the stabilisation window.
 * A new replica lands on a unit with room after `podStartS`, else on a new unit after
 * `nodeScaleUpS`; an empty unit is removed after `nodeUnneededS`. Spot units are interrupted at
 * seeded exponential times; their replicas finish what they run and are replaced on a new unit.
 */
export class KubernetesSimulator implements OptionSimulator {
  readonly metrics: OptionMetrics;
  readonly pool: GpuPool;
  private readonly events = new EventQueue();
  private readonly ev = poppedEvent();
  private readonly units: Unit[] = [];
  private readonly rng: Rng;
  private readonly perReplica: number;
  private readonly floorUnits: number;
  /** Concurrency samples, one per tick, oldest first (bounded ring). */
  private readonly samples: number[] = [];
  private readonly delayTicks: number;
  /** Recommendations of the stabilisation window, one per tick. */
  private readonly wishes: number[] = [];
  private readonly windowTicks: number;
  /** Nodes running (billed) now. */
  liveNodes = 0;
  private ticking = false;

  constructor(
    private readonly p: KubernetesParams,
    sloTtftMs: number,
    metrics?: OptionMetrics,
  ) {
    this.metrics = metrics ?? new OptionMetrics(sloTtftMs);
    this.rng = new Rng(p.seed, `spot:${p.id}`);
    this.pool = new GpuPool(
      p.replica,
      this.events,
      this.metrics,
      undefined,
      (s, t) => this.released(s, t),
      p.seed,
    );
    this.perReplica = this.pool.saturation * p.autoscaler.targetUtilisation;
    this.floorUnits = Math.ceil(p.floorReplicas / p.replicasPerUnit);
    this.delayTicks = Math.max(0, Math.round(p.autoscaler.metricDelayS / p.autoscaler.syncS));
    this.windowTicks = Math.max(1, Math.round(p.autoscaler.scaleDownStabilizationS / p.autoscaler.syncS));
    const initial = Math.max(p.floorReplicas, p.initialReplicas);
    // The HPA starts from the running replica count, not from an empty history.
    for (let i = 0; i < this.windowTicks; i++) this.wishes.push(initial);
    for (let i = 0; i < initial; i++) this.placeReplica(0, true);
    if (p.autoscaler.enabled) {
      this.ticking = true;
      this.events.push(p.autoscaler.syncS, EV.tick, 0);
    }
  }

  private newUnit(t: number, warm: boolean): Unit {
    const id = this.units.length;
    const floor = this.units.filter((u) => u.alive && u.floor).length < this.floorUnits;
    const spot = !floor && this.p.spotUsdPerNodeHour !== null;
    const unit: Unit = {
      id,
      spot,
      floor,
      startedAt: t,
      readyAt: warm ? t : t + this.p.nodeScaleUpS - this.p.podStartS,
      alive: true,
      replicas: 0,
      tag: 0,
    };
    this.units.push(unit);
    this.liveNodes += this.p.nodesPerUnit;
    if (this.liveNodes > this.metrics.peakNodes) this.metrics.peakNodes = this.liveNodes;
    if (!warm) this.metrics.nodesProvisioned++;
    if (spot) {
      const rate = (this.p.spotInterruptionsPerNodeMonth * this.p.nodesPerUnit) / SECONDS_PER_MONTH;
      if (rate > 0) this.events.push(t + this.rng.exponential(1 / rate), EV.interrupt, id, unit.tag);
    }
    return unit;
  }

  private placeReplica(t: number, warm: boolean): void {
    let unit = this.units.find((u) => u.alive && u.replicas < this.p.replicasPerUnit);
    if (!unit) unit = this.newUnit(t, warm);
    unit.replicas++;
    unit.tag++;
    const readyAt = warm ? t : Math.max(unit.readyAt, t) + this.p.podStartS;
    this.pool.add(t, readyAt, unit.id);
    if (!warm) this.metrics.coldStarts++;
    if (this.pool.live > this.metrics.peakInstances) this.metrics.peakInstances = this.pool.live;
  }

  private billUnit(unit: Unit, until: number): void {
    const hours = (this.p.nodesPerUnit * Math.max(0, until - unit.startedAt)) / 3600;
    const price = unit.spot ? (this.p.spotUsdPerNodeHour as number) : this.p.onDemandUsdPerNodeHour;
    this.metrics.addCost(unit.spot ? "spotNodes" : "onDemandNodes", hours * price);
    this.metrics.addCost("overhead", hours * price * (this.p.overheadFactor - 1));
  }

  private removeUnit(unit: Unit, t: number): void {
    if (!unit.alive) return;
    unit.alive = false;
    unit.tag++;
    this.liveNodes -= this.p.nodesPerUnit;
    this.billUnit(unit, t);
  }

  /** A replica stopped: an empty non-floor unit is removed after the unneeded time. */
  private released(server: Server, t: number): void {
    const unit = this.units[server.unit] as Unit;
    unit.replicas--;
    unit.tag++;
    if (unit.alive && unit.replicas === 0 && !unit.floor) {
      this.events.push(t + this.p.autoscaler.nodeUnneededS, EV.unneeded, unit.id, unit.tag);
    }
  }

  private removeReplica(t: number): void {
    let victim: Server | undefined;
    for (const s of this.pool.liveServers) {
      if (s.state === ServerState.Starting) {
        victim = s;
        break;
      }
      if (s.state === ServerState.Ready && (victim === undefined || s.active < victim.active)) victim = s;
    }
    if (!victim) return;
    if (this.pool.drain(victim, t)) this.released(victim, t);
  }

  private tick(t: number): void {
    const a = this.p.autoscaler;
    const pool = this.pool;
    this.samples.push(pool.inflight + pool.queue.length);
    if (this.samples.length > this.delayTicks + 1) this.samples.shift();
    const observed = this.samples[0] as number;
    const wish = Math.min(
      this.p.maxReplicas,
      Math.max(this.p.floorReplicas, Math.ceil(observed / this.perReplica)),
    );
    this.wishes.push(wish);
    if (this.wishes.length > this.windowTicks) this.wishes.shift();
    const current = pool.live;
    if (wish > current) {
      for (let i = current; i < wish; i++) this.placeReplica(t, false);
    } else {
      let desired = 0;
      for (const w of this.wishes) if (w > desired) desired = w;
      for (let i = desired; i < current; i++) this.removeReplica(t);
    }
    if (this.ticking) this.events.push(t + a.syncS, EV.tick, 0);
  }

  private interrupt(unit: Unit, t: number): void {
    this.metrics.spotInterruptions++;
    const lost = this.pool.liveServers.filter(
      (s) => s.unit === unit.id && (s.state === ServerState.Ready || s.state === ServerState.Starting),
    );
    this.removeUnit(unit, t);
    for (const s of lost) this.pool.drain(s, t);
    // The node autoscaler replaces the lost capacity at once (Spot again, on-demand fallback aside).
    for (let i = 0; i < lost.length; i++) this.placeReplica(t, false);
  }

  private handle(): void {
    const e = this.ev;
    if (e.kind === EV.complete) this.pool.complete(this.pool.servers[e.arg] as Server, e.time, e.tag);
    else if (e.kind === EV.ready) this.pool.ready(this.pool.servers[e.arg] as Server, e.time);
    else if (e.kind === EV.tick) this.tick(e.time);
    else if (e.kind === EV.interrupt) {
      const unit = this.units[e.arg] as Unit;
      if (unit.alive) this.interrupt(unit, e.time);
    } else if (e.kind === EV.unneeded) {
      const unit = this.units[e.arg] as Unit;
      if (unit.alive && unit.replicas === 0 && unit.tag === e.tag) this.removeUnit(unit, e.time);
    }
  }

  feed(t: Float64Array, input: Float64Array, output: Float64Array, n: number): void {
    for (let i = 0; i < n; i++) {
      const at = t[i] as number;
      this.advanceTo(at);
      this.arrive(at, input[i] as number, output[i] as number);
      this.metrics.capacity.note(at, this.liveNodes);
    }
  }

  advanceTo(t: number): void {
    while (this.events.peekTime() <= t && this.events.pop(this.ev)) this.handle();
  }

  arrive(t: number, input: number, output: number): void {
    this.pool.offer(t, input, output);
  }

  /** Admits the request if a replica runs below saturation and nobody waits (a hybrid's base). */
  tryArrive(t: number, input: number, output: number): boolean {
    return this.pool.offerBelowSaturation(t, input, output);
  }

  drain(): number {
    while ((this.pool.inflight > 0 || this.pool.queue.length > 0) && this.events.pop(this.ev)) this.handle();
    return this.metrics.lastCompletion;
  }

  close(horizon: number): OptionMetrics {
    this.advanceTo(horizon);
    this.ticking = false;
    for (const u of this.units) if (u.alive) this.billUnit(u, horizon);
    this.metrics.addCost("onDemandNodes", 0);
    this.metrics.addCost("overhead", 0);
    this.metrics.addCost("controlPlane", (this.p.controlPlaneUsdPerHour * horizon) / 3600);
    this.metrics.addCost("operations", (this.p.operationsUsdPerHour * horizon) / 3600);
    return this.metrics;
  }
}
