/**
 * Seeded randomness for the simulator. Everything random in a simulation (ServeGen arrivals,
 * token lengths, rate scaling, Spot interruptions) draws from a {@link Rng} derived from the one
 * `--seed`, each consumer on its own named stream, so adding a consumer does not shift the others.
 */

/** A deterministic pseudo-random generator (sfc32) with the samplers the simulator needs. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** A spare standard normal from the last Box-Muller pair. */
  private spare: number | null = null;

  /** A generator for `seed` on the named `stream`; the same pair always gives the same sequence. */
  constructor(seed: number, stream = "") {
    const h = hash32(`${seed}:${stream}`);
    this.a = h;
    this.b = hash32(`${h}:b`);
    this.c = hash32(`${h}:c`);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A uniform number in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** A uniform number in (0, 1), safe to take the logarithm of. */
  open(): number {
    let u = this.next();
    while (u === 0) u = this.next();
    return u;
  }

  /** A uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An exponential variate with the given mean. */
  exponential(mean: number): number {
    return -Math.log(this.open()) * mean;
  }

  /** A standard normal variate (Box-Muller). */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    const r = Math.sqrt(-2 * Math.log(this.open()));
    const theta = 2 * Math.PI * this.next();
    this.spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  /**
   * A Gamma variate with `shape` k and `scale` θ (mean kθ), by Marsaglia and Tsang's method; for
   * k < 1 it boosts to k + 1 and multiplies by U^(1/k).
   */
  gamma(shape: number, scale: number): number {
    if (shape < 1) return this.gamma(shape + 1, scale) * this.open() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.open();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v * scale;
      }
    }
  }

  /** A Weibull variate with `shape` k and `scale` λ, by inversion. */
  weibull(shape: number, scale: number): number {
    return scale * (-Math.log(this.open())) ** (1 / shape);
  }
}

/** FNV-1a then a murmur finaliser: a well-mixed 32-bit hash of a string. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Γ(x) for x > 0 (Lanczos approximation, g = 7), for the mean of a Weibull distribution. */
export function gammaFunction(x: number): number {
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gammaFunction(1 - x));
  const g = 7;
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const y = x - 1;
  let a = c[0] as number;
  const t = y + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += (c[i] as number) / (y + i);
  return Math.sqrt(2 * Math.PI) * t ** (y + 0.5) * Math.exp(-t) * a;
}
