import { rateLimitRefusals } from '../observability/metrics';

/**
 * Per-user token buckets, in memory in this process: each user holds up to `perMinute` tokens,
 * refilled evenly over a minute, and each request or subscription operation spends one. Only
 * signed-in users get a bucket (the token is checked against the users table first), so the map
 * is bounded by the hub's membership; full buckets are dropped on the way.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly refillPerMs: number;
  private lastSweep = 0;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.refillPerMs = perMinute / 60_000;
  }

  /** Spends a token for `userId`: 0 when allowed, otherwise the milliseconds until one is due. */
  take(userId: string): number {
    const now = this.now();
    this.sweep(now);
    const bucket = this.buckets.get(userId) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.refillPerMs);
    bucket.at = now;
    this.buckets.set(userId, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    rateLimitRefusals.inc();
    return Math.ceil((1 - bucket.tokens) / this.refillPerMs);
  }

  /** Buckets that would be full again carry no state worth keeping. */
  private sweep(now: number) {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [userId, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.refillPerMs >= this.perMinute) {
        this.buckets.delete(userId);
      }
    }
  }
}
