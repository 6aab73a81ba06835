import autocannon from 'autocannon';
import fs from 'node:fs';
import { percentile } from '../bench-support';
import { rssMbOf } from './servers';

/** One HTTP request the load repeats: a fixed body, or a fresh one per request (writes). */
export interface LoadRequest {
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** For writes: the n-th request's body (unique inputs). */
  bodyFor?: (n: number) => string;
  /** For writes: checks each answer; the load reports how many failed it. */
  check?: (status: number, body: string) => boolean;
}

export interface PointResult {
  connections: number;
  seconds: number;
  /** Answers with a 2xx status (that passed the check) completed in the measured window, per second. */
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Answers completed in the measured window. */
  answers: number;
  /** Answers that were not 2xx or failed the check, plus socket errors and timeouts. */
  failures: number;
  /** Highest resident set size of the server process seen during the point (sampled every 100 ms). */
  peakRssMb: number;
}

/** CPU time the process has used so far, in clock ticks (utime + stime from /proc). */
function cpuTicks(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return NaN;
  }
}

/**
 * Waits until the server has finished what an earlier load left in flight (autocannon stops
 * without waiting for answers): its CPU use under 5% over a quarter of a second, or 60 s.
 */
export async function settle(pid: number) {
  const deadline = Date.now() + 60_000;
  let last = cpuTicks(pid);
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = cpuTicks(pid);
    // 100 ticks a second: 5% of 250 ms is 1.25 ticks.
    if (!(now - last > 1.25)) return;
    last = now;
  }
}

/**
 * Runs autocannon against `url` at `connections` concurrent connections for `warmupSeconds` plus
 * `seconds`, in one run; only answers completed after the warm-up count. Latencies are taken per
 * answer from autocannon's own timer (so p95 is exact, not read off its fixed percentile list).
 * Before it starts, the server is left to finish whatever an earlier load left in flight.
 */
export async function loadPoint(options: {
  url: string;
  /** Several: each connection sends them in turn. */
  request: LoadRequest | LoadRequest[];
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** The server's process, whose memory is sampled. */
  pid: number;
  /** Continues the write counter across points, so every input stays unique. */
  counter?: { next: number };
}): Promise<PointResult> {
  await settle(options.pid);
  const requests = Array.isArray(options.request) ? options.request : [options.request];
  const counter = options.counter ?? { next: 0 };
  const latencies: number[] = [];
  let failedChecks = 0;
  let peakRssMb = rssMbOf(options.pid);
  const sampler = setInterval(() => {
    peakRssMb = Math.max(peakRssMb, rssMbOf(options.pid));
  }, 100);
  const started = performance.now();
  const measuredFrom = started + options.warmupSeconds * 1000;
  let measuredTo = Infinity;
  let finish!: (result: autocannon.Result) => void;
  let fail!: (error: unknown) => void;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: options.url,
      connections: options.connections,
      duration: options.warmupSeconds + options.seconds,
      pipelining: 1,
      timeout: 30,
      requests: requests.map((request) => ({
        method: 'POST' as const,
        path: request.path,
        headers: request.headers,
        body: request.body ?? request.bodyFor?.(counter.next++),
        ...(request.bodyFor
          ? {
              setupRequest: (req: autocannon.Request) => {
                req.body = request.bodyFor!(counter.next++);
                return req;
              },
            }
          : {}),
        ...(request.check
          ? {
              onResponse: (status: number, body: string) => {
                if (!request.check!(status, body)) failedChecks += 1;
              },
            }
          : {}),
      })),
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    const now = performance.now();
    if (now >= measuredFrom && now <= measuredTo && statusCode >= 200 && statusCode < 300) {
      latencies.push(responseTime);
    }
  });
  instance.on('done', () => {
    measuredTo = performance.now();
  });
  const result = await finished;
  clearInterval(sampler);
  const measuredSeconds = Math.max(
    0.001,
    (Math.min(measuredTo, performance.now()) - measuredFrom) / 1000,
  );
  latencies.sort((a, b) => a - b);
  return {
    connections: options.connections,
    seconds: options.seconds,
    requestsPerSecond: latencies.length / measuredSeconds,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    p99Ms: percentile(latencies, 0.99),
    answers: latencies.length,
    failures: result.non2xx + result.errors + result.timeouts + failedChecks,
    peakRssMb,
  };
}
