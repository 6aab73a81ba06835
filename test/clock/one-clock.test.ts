import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Files that may read the system's time, each for a duration rather than a date: how long a
 * request has run, a rate-limit bucket, a progress bar. Every "now" a rule or a record needs comes
 * from src/common/clock.ts, which the tests set.
 */
const MEASURES_DURATIONS: Record<string, string> = {
  'src/common/clock.ts': 'the clock itself',
  'src/log.ts': 'a log line is stamped with the real time an operator reads it against',
  'src/context.ts': 'the request time limit',
  'src/common/batch-loader.ts': 'the request time limit',
  'src/http/graphql-handler.ts': 'the request time limit',
  'src/http/rate-limiter.ts': 'rate-limit buckets',
  'src/notifications/listener-access.ts': 'how long a subscription trusts its last check',
  'src/imports/import.service.ts': 'rows per second',
  'src/cli/progress-bar.ts': 'redraw interval',
  'test/support/clock.ts': 'sets the hub clock for the run',
  'test/support/global-setup.ts': 'the start of the run',
  'test/notifications/notification-helpers.ts': 'how long to wait for a condition',
  'test/support/hub-process.ts': 'how long to wait for a hub process to start',
};

/** The system's date in TypeScript, or PostgreSQL's inside SQL text. */
const SYSTEM_TIME =
  /new Date\(\)|Date\.now\(\)|[^.\w]now\(\)|\bcurrent_(date|timestamp)\b|\blocaltimestamp\b/i;

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

describe('one clock', () => {
  it('no code in src or test reads the system date except to measure a duration', () => {
    const readers: string[] = [];
    for (const file of [...sources('src'), ...sources('test')]) {
      if (file in MEASURES_DURATIONS || file === 'test/clock/one-clock.test.ts') continue;
      fs.readFileSync(path.join(ROOT, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          // A column default is never used: every entity sets its time stamp from the clock.
          const code = line.replace(/defaultRaw: 'now\(\)'/, '');
          if (SYSTEM_TIME.test(code) && !/^\s*(\/\/|\*)/.test(line)) {
            readers.push(`${file}:${i + 1}: ${line.trim()}`);
          }
        });
    }
    expect(readers).toEqual([]);
  });
});
