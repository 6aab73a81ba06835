/**
 * Progress on stderr: a bar redrawn in place on a terminal, a plain line every tenth otherwise
 * (CI logs, `npm run bench > file`), nothing when silenced.
 */
export interface Progress {
  advance(by: number, detail?: string): void;
  done(detail?: string): void;
}

export function progress(label: string, total: number, silent = false): Progress {
  const started = Date.now();
  const tty = Boolean(process.stderr.isTTY);
  let count = 0;
  let lastTenth = -1;
  let lastDraw = 0;
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  const draw = (detail: string) => {
    const fraction = total > 0 ? Math.min(1, count / total) : 1;
    if (tty) {
      const width = 30;
      const filled = Math.round(fraction * width);
      process.stderr.write(
        `\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${count.toLocaleString('en-GB')}/${total.toLocaleString('en-GB')} ${detail}`.padEnd(
          110,
        ),
      );
    } else {
      const tenth = Math.floor(fraction * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        process.stderr.write(
          `${label}: ${tenth * 10}% (${count.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}) ${detail} ${seconds()} s\n`,
        );
      }
    }
  };
  return {
    advance(by, detail = '') {
      count += by;
      if (silent) return;
      const now = Date.now();
      if (!tty || now - lastDraw > 100) {
        lastDraw = now;
        draw(detail);
      }
    },
    done(detail = '') {
      if (silent) return;
      count = total;
      if (tty) {
        draw(detail);
        process.stderr.write(`\n`);
      } else if (lastTenth < 10) {
        draw(detail);
      }
      process.stderr.write(`${label}: done in ${seconds()} s\n`);
    },
  };
}
