/**
 * A progress bar on the terminal: redrawn in place (at most ten times a second) when stderr is a
 * terminal, otherwise a line at every `stepPercent`, so logs of a scheduled import stay readable.
 */
export class ProgressBar {
  private lastDraw = 0;
  private lastStep = -1;
  private drawn = false;

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly stepPercent = 10,
    private readonly width = 30,
  ) {}

  update(fraction: number, label: string): void {
    const share = Math.max(0, Math.min(1, fraction));
    const percent = Math.floor(share * 100);
    if (this.stream.isTTY) {
      const now = Date.now();
      if (now - this.lastDraw < 100 && share < 1) return;
      this.lastDraw = now;
      const filled = Math.round(share * this.width);
      const bar = '#'.repeat(filled) + '-'.repeat(this.width - filled);
      this.stream.write(`\r[${bar}] ${String(percent).padStart(3)}%  ${label}\u001b[K`);
      this.drawn = true;
    } else {
      const step = Math.floor(percent / this.stepPercent);
      if (step === this.lastStep) return;
      this.lastStep = step;
      this.stream.write(`${String(percent).padStart(3)}%  ${label}\n`);
    }
  }

  /** Ends the bar's line, so what follows starts on its own. */
  done(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}
