import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import http from 'node:http';
import https from 'node:https';

/** What the exporter needs from the SDK, which tracing.ts loads only when tracing is on. */
interface Sdk {
  serialize(spans: ReadableSpan[]): Uint8Array | undefined;
  success: ExportResult['code'];
  failure: ExportResult['code'];
}

/** Longest one export may take; the batch processor sends the next batch after it either way. */
const EXPORT_TIMEOUT_MS = 10_000;

/**
 * Spans to an OpenTelemetry collector over OTLP/HTTP, JSON protocol: one POST of a batch to
 * `<endpoint>/v1/traces`. The hub's own, rather than @opentelemetry/exporter-trace-otlp-http's,
 * because that one loads node:http with a dynamic import(), which jest's module sandbox cannot
 * do, and the test of tracing must run the code a deployment runs. A batch the collector refuses
 * or does not answer in time is dropped (tracing never holds a request or memory for it).
 */
export class OtlpJsonExporter implements SpanExporter {
  private readonly agent: http.Agent;
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly url: URL,
    private readonly headers: Record<string, string>,
    private readonly sdk: Sdk,
  ) {
    const Agent = url.protocol === 'https:' ? https.Agent : http.Agent;
    this.agent = new Agent({ keepAlive: true });
  }

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    if (this.stopped) {
      done({ code: this.sdk.failure, error: new Error('the exporter is shut down') });
      return;
    }
    const body = this.sdk.serialize(spans);
    if (!body) {
      done({ code: this.sdk.failure, error: new Error('spans could not be serialized') });
      return;
    }
    const sent = this.post(Buffer.from(body)).then(
      () => done({ code: this.sdk.success }),
      (error: Error) => done({ code: this.sdk.failure, error }),
    );
    this.inFlight.add(sent);
    void sent.finally(() => this.inFlight.delete(sent));
  }

  async forceFlush(): Promise<void> {
    await Promise.all(this.inFlight);
  }

  async shutdown(): Promise<void> {
    this.stopped = true;
    await this.forceFlush();
    this.agent.destroy();
  }

  private post(body: Buffer): Promise<void> {
    const send = this.url.protocol === 'https:' ? https.request : http.request;
    return new Promise((resolve, reject) => {
      const request = send(
        this.url,
        {
          method: 'POST',
          agent: this.agent,
          timeout: EXPORT_TIMEOUT_MS,
          headers: {
            ...this.headers,
            'content-type': 'application/json',
            'content-length': body.length,
          },
        },
        (response) => {
          // The collector's answer is read and dropped: only its status matters.
          response.resume();
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve();
            else reject(new Error(`the collector answered HTTP ${status}`));
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error('the collector did not answer')));
      request.on('error', reject);
      request.end(body);
    });
  }
}
