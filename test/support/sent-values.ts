import { addLogSink } from '../../src/log';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/;

/**
 * What a test sent that could be personal data: text a person would write (names, descriptions,
 * addresses, reasons), six characters or more with a lower-case letter. Ids, dates and enum values
 * are left out: logs carry ids by design.
 */
export function personalValues(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.length >= 6 && /[a-z]/.test(text) && !UUID.test(text) && !ISO_DATE.test(text)) {
      into.add(text);
    }
  } else if (Array.isArray(value)) {
    for (const item of value) personalValues(item, into);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) personalValues(item, into);
  }
  return into;
}

/**
 * Every log line the hub writes while a test hub runs, searched at its close for every value the
 * test sent through it: so each test file that starts a hub is also a test that the logs hold no
 * personal data, whatever it provokes.
 */
export class LogWatch {
  readonly lines: string[] = [];
  readonly sent = new Set<string>();
  private readonly stop = addLogSink((line) => this.lines.push(line));

  record(variables: unknown) {
    personalValues(variables, this.sent);
  }

  /** Lines holding a value that was sent, with the value; empty when the logs are clean. */
  leaks(): { value: string; line: string }[] {
    const found: { value: string; line: string }[] = [];
    for (const line of this.lines) {
      for (const value of this.sent) {
        if (line.includes(value) || line.includes(JSON.stringify(value).slice(1, -1))) {
          found.push({ value, line });
        }
      }
    }
    return found;
  }

  close() {
    this.stop();
  }
}
