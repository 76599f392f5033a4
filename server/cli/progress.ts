/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal (so piped or CI output
 * stays clean and files written beside it are unaffected). Redraws at most ~10 times a second.
 */
export class ProgressBar {
  private readonly tty = process.stderr.isTTY === true;
  private lastDraw = 0;
  private readonly started = performance.now();

  constructor(
    private readonly total: number,
    private readonly label: string,
  ) {}

  update(done: number): void {
    if (!this.tty) return;
    const now = performance.now();
    if (now - this.lastDraw < 100 && done < this.total) return;
    this.lastDraw = now;
    const width = Math.max(10, Math.min(40, (process.stderr.columns ?? 80) - 50));
    const frac = this.total > 0 ? done / this.total : 1;
    const filled = Math.round(frac * width);
    const elapsed = (now - this.started) / 1000;
    const eta = frac > 0 ? elapsed * (1 / frac - 1) : 0;
    process.stderr.write(`\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}% ${done}/${this.total} ${elapsed.toFixed(1)}s eta ${eta.toFixed(1)}s `);
  }

  done(): void {
    if (this.tty) process.stderr.write('\n');
  }
}
