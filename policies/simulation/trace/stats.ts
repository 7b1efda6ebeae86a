import type { TraceBatch } from "./types.js";

/** Idle gaps at least `thresholdS` long: how many, and the share of the span they cover. */
export interface IdleGaps {
  thresholdS: number;
  count: number;
  share: number;
}

/** What a trace holds: exact totals, rate shape and idle gaps. Computed in one streaming pass. */
export interface TraceStats {
  requests: number;
  inputTokens: number;
  outputTokens: number;
  /** First to last arrival, s. */
  spanS: number;
  /** Last arrival, s from the trace's origin (its first request, or a ServeGen series' first window). */
  endS: number;
  /** Mean request rate over the span, req/s. */
  meanRequestsPerSecond: number;
  /** Coefficient of variation of inter-arrival times (1 for Poisson arrivals). */
  interarrivalCv: number;
  /** Busiest minute's requests over the mean per minute (minutes counted from the first arrival). */
  peakToMeanPerMinute: number;
  avgInputTokens: number;
  avgOutputTokens: number;
  /** Input plus output tokens a day if the trace's rate were sustained. */
  tokensPerDayIfSustained: number;
  /** Requests a day if the trace's rate were sustained. */
  requestsPerDayIfSustained: number;
  /** Longest gap between arrivals, s. */
  maxGapS: number;
  /** Gaps of at least 60 s, 5 min and 15 min (the serverless idle tail). */
  idleGaps: IdleGaps[];
}

const IDLE_THRESHOLDS_S = [60, 300, 900];

/** Accumulates {@link TraceStats} over batches in constant memory. */
export class TraceStatsAccumulator {
  private n = 0;
  private inTokens = 0;
  private outTokens = 0;
  private first = 0;
  private last = 0;
  private gapMean = 0;
  private gapM2 = 0;
  private minute = 0;
  private minuteCount = 0;
  private peakMinute = 0;
  private maxGap = 0;
  private readonly idleCount = IDLE_THRESHOLDS_S.map(() => 0);
  private readonly idleSeconds = IDLE_THRESHOLDS_S.map(() => 0);

  /** Adds a batch (arrivals non-decreasing, continuing the previous batch). */
  add(b: TraceBatch): void {
    for (let i = 0; i < b.length; i++) {
      const t = b.t[i] as number;
      this.inTokens += b.input[i] as number;
      this.outTokens += b.output[i] as number;
      if (this.n === 0) {
        this.first = t;
      } else {
        const gap = t - this.last;
        const k = this.n;
        const delta = gap - this.gapMean;
        this.gapMean += delta / k;
        this.gapM2 += delta * (gap - this.gapMean);
        if (gap > this.maxGap) this.maxGap = gap;
        for (let j = 0; j < IDLE_THRESHOLDS_S.length; j++) {
          if (gap >= (IDLE_THRESHOLDS_S[j] as number)) {
            this.idleCount[j] = (this.idleCount[j] as number) + 1;
            this.idleSeconds[j] = (this.idleSeconds[j] as number) + gap;
          }
        }
      }
      const minute = Math.floor((t - this.first) / 60);
      if (minute !== this.minute) {
        this.minute = minute;
        this.minuteCount = 0;
      }
      this.minuteCount++;
      if (this.minuteCount > this.peakMinute) this.peakMinute = this.minuteCount;
      this.last = t;
      this.n++;
    }
  }

  /** The statistics so far. */
  result(): TraceStats {
    const span = this.last - this.first;
    const minutes = Math.max(1, Math.ceil(span / 60));
    const perSecond = span > 0 ? this.n / span : this.n;
    const gaps = this.n - 1;
    const variance = gaps > 1 ? this.gapM2 / gaps : 0;
    const tokens = this.inTokens + this.outTokens;
    return {
      requests: this.n,
      inputTokens: this.inTokens,
      outputTokens: this.outTokens,
      spanS: span,
      endS: this.last,
      meanRequestsPerSecond: perSecond,
      interarrivalCv: this.gapMean > 0 ? Math.sqrt(variance) / this.gapMean : 0,
      peakToMeanPerMinute: this.n === 0 ? 1 : this.peakMinute / (this.n / minutes),
      avgInputTokens: this.n === 0 ? 0 : this.inTokens / this.n,
      avgOutputTokens: this.n === 0 ? 0 : this.outTokens / this.n,
      tokensPerDayIfSustained: this.n === 0 ? 0 : (tokens / this.n) * perSecond * 86_400,
      requestsPerDayIfSustained: perSecond * 86_400,
      maxGapS: this.maxGap,
      idleGaps: IDLE_THRESHOLDS_S.map((thresholdS, j) => ({
        thresholdS,
        count: this.idleCount[j] as number,
        share: span > 0 ? (this.idleSeconds[j] as number) / span : 0,
      })),
    };
  }
}
