/** One record of a CSV file, numbered by the physical line it starts on (the header is line 1). */
export type CsvRecord =
  | { line: number; endLine: number; fields: string[] }
  | { line: number; endLine: number; malformed: string; text: string };

/** A quoted field may run over this many physical lines; beyond it the quote is taken as unclosed. */
export const MAX_LINES_PER_RECORD = 100;

type Parsed = { fields: string[] } | { open: true } | { malformed: string };

/**
 * Splits CSV text (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF)
 * into records, as it streams in. Written here rather than taken from csv-parse because a partner
 * needs the physical line of every rejected row, and because a malformed record must cost only
 * that record: csv-parse reports lines by where a record ends, and after an unclosed or stray
 * quote it runs the following rows together without reporting them. Here a record with broken
 * quoting is returned as malformed with its line, and reading starts again on the next line.
 * A quote inside an unquoted field (`5'10"`) is kept as it is. Empty lines are skipped but counted.
 */
export class CsvRecordReader {
  private carry = '';
  private lineNumber = 0;
  private started = false;
  /** Physical lines of a record whose quoted field is still open. */
  private open: { line: number; text: string }[] = [];

  constructor(
    private readonly delimiter = ',',
    private readonly maxLinesPerRecord = MAX_LINES_PER_RECORD,
  ) {}

  /** The records completed by this chunk of text, appended to `out`. */
  push(chunk: string, out: CsvRecord[]): void {
    let text = this.carry + chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let start = 0;
    for (let end = text.indexOf('\n', start); end >= 0; end = text.indexOf('\n', start)) {
      const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      this.physicalLine(++this.lineNumber, text.slice(start, stop), out);
      start = end + 1;
    }
    this.carry = text.slice(start);
  }

  /** The records left at the end of the text: a last line without a line break, an unclosed quote. */
  end(out: CsvRecord[]): void {
    if (this.carry.length > 0) {
      const last = this.carry.endsWith('\r') ? this.carry.slice(0, -1) : this.carry;
      this.carry = '';
      this.physicalLine(++this.lineNumber, last, out);
    }
    while (this.open.length > 0) this.giveUpOpenRecord('it is never closed', out);
  }

  /** Physical lines read so far. */
  get linesRead(): number {
    return this.lineNumber;
  }

  private physicalLine(line: number, text: string, out: CsvRecord[]): void {
    if (this.open.length > 0) {
      this.open.push({ line, text });
      this.tryOpenRecord(out);
      return;
    }
    if (text.length === 0) return;
    if (text.indexOf('"') < 0) {
      out.push({ line, endLine: line, fields: text.split(this.delimiter) });
      return;
    }
    this.open.push({ line, text });
    this.tryOpenRecord(out);
  }

  private tryOpenRecord(out: CsvRecord[]): void {
    const text = this.open.map((part) => part.text).join('\n');
    const parsed = this.parseQuoted(text);
    const line = this.open[0].line;
    const endLine = this.open[this.open.length - 1].line;
    if ('fields' in parsed) {
      this.open = [];
      out.push({ line, endLine, fields: parsed.fields });
    } else if ('malformed' in parsed) {
      this.open = [];
      out.push({ line, endLine, malformed: parsed.malformed, text });
    } else if (this.open.length >= this.maxLinesPerRecord) {
      this.giveUpOpenRecord(`it is still open ${this.maxLinesPerRecord} lines later`, out);
    }
  }

  /**
   * The record's first line opened a quote that does not close: that line is reported, and the
   * lines after it are read again as records of their own.
   */
  private giveUpOpenRecord(why: string, out: CsvRecord[]): void {
    const [first, ...rest] = this.open;
    this.open = [];
    out.push({
      line: first.line,
      endLine: first.line,
      malformed: `a field opens a quote (") that ${why}`,
      text: first.text,
    });
    for (const part of rest) this.physicalLine(part.line, part.text, out);
  }

  private parseQuoted(text: string): Parsed {
    const fields: string[] = [];
    const delimiter = this.delimiter;
    let i = 0;
    for (;;) {
      if (text[i] === '"') {
        let value = '';
        i++;
        for (;;) {
          const quote = text.indexOf('"', i);
          if (quote < 0) return { open: true };
          value += text.slice(i, quote);
          if (text[quote + 1] === '"') {
            value += '"';
            i = quote + 2;
          } else {
            i = quote + 1;
            break;
          }
        }
        fields.push(value);
        if (i === text.length) return { fields };
        if (text[i] !== delimiter) {
          return {
            malformed: `a quoted field is followed by ${JSON.stringify(text[i])} where a ${JSON.stringify(delimiter)} or the end of the line should be`,
          };
        }
        i++;
      } else {
        const next = text.indexOf(delimiter, i);
        if (next < 0) {
          fields.push(text.slice(i));
          return { fields };
        }
        fields.push(text.slice(i, next));
        i = next + 1;
      }
      if (i === text.length) {
        fields.push('');
        return { fields };
      }
    }
  }
}
