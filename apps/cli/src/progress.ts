/** A one-line progress bar on stderr (redrawn in place on a terminal, one line per 10 % otherwise). */
export class ProgressBar {
  private lastDecile = -1;

  constructor(private readonly label: string, private readonly out: NodeJS.WriteStream = process.stderr) {}

  update(done: number, total: number): void {
    const ratio = total === 0 ? 1 : done / total;
    const width = 30;
    const filled = Math.round(ratio * width);
    const line = `${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(ratio * 100)}% ${done}/${total}`;
    if (this.out.isTTY) {
      this.out.write(`\r${line}${done >= total ? '\n' : ''}`);
    } else {
      const decile = Math.floor(ratio * 10);
      if (decile !== this.lastDecile) {
        this.lastDecile = decile;
        this.out.write(`${line}\n`);
      }
    }
  }
}
