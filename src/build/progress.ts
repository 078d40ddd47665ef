/**
 * Progress of a long build. On a terminal: one bar redrawn in place. Anywhere else (CI logs, pipes): plain
 * lines, a few per stage, so a log shows where a slow build is without thousands of lines.
 */
export interface Progress {
  /** A stage with `total` steps begins. */
  stage(name: string, total: number): void;
  /** `done` of the current stage's steps are finished; `item` says which one. */
  tick(done: number, item?: string): void;
  /** A one-off line (e.g. "rendered 20 pages"). */
  note(line: string): void;
  /** Clears the bar, if any. */
  end(): void;
}

export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** A bar on a terminal, plain lines in CI (`CI` set) or when output is not a terminal. */
export function createProgress(stream: ProgressStream, env: Record<string, string | undefined> = process.env): Progress {
  const tty = stream.isTTY === true && !env.CI;
  return tty ? new BarProgress(stream) : new LineProgress(stream);
}

export const silentProgress: Progress = { stage() {}, tick() {}, note() {}, end() {} };

class LineProgress implements Progress {
  private name = "";
  private total = 0;
  private nextPercent = 0;
  constructor(private readonly out: ProgressStream) {}
  stage(name: string, total: number): void {
    this.name = name;
    this.total = total;
    this.nextPercent = 25;
    this.out.write(`${name}: 0/${total}\n`);
  }
  tick(done: number): void {
    if (this.total === 0) return;
    const percent = Math.floor((done / this.total) * 100);
    // Lines at 25%, 50%, 75% and 100% only.
    if (percent < this.nextPercent && done !== this.total) return;
    while (this.nextPercent <= percent) this.nextPercent += 25;
    this.out.write(`${this.name}: ${done}/${this.total}\n`);
  }
  note(line: string): void {
    this.out.write(`${line}\n`);
  }
  end(): void {}
}

class BarProgress implements Progress {
  private name = "";
  private total = 0;
  private drawn = false;
  constructor(private readonly out: ProgressStream) {}
  stage(name: string, total: number): void {
    this.name = name;
    this.total = total;
    this.draw(0);
  }
  tick(done: number, item = ""): void {
    this.draw(done, item);
  }
  note(line: string): void {
    this.clear();
    this.out.write(`${line}\n`);
  }
  end(): void {
    this.clear();
  }
  private draw(done: number, item = ""): void {
    const width = 24;
    const filled = this.total ? Math.round((done / this.total) * width) : width;
    const bar = `${"#".repeat(filled)}${"-".repeat(width - filled)}`;
    const line = `${this.name} [${bar}] ${done}/${this.total} ${item}`;
    const cols = Math.max(20, (this.out.columns ?? 80) - 1);
    this.out.write(`\r\x1b[2K${line.slice(0, cols)}`);
    this.drawn = true;
  }
  private clear(): void {
    if (this.drawn) this.out.write("\r\x1b[2K");
    this.drawn = false;
  }
}

export interface SummaryFacts {
  transcripts: number;
  sections: number;
  pages: number;
  skipped: number;
  errors: number;
  warnings: number;
  removed: number;
  ms: number;
}

/** The last line of a build: what was published, what went wrong, how long it took. */
export function summaryLine(f: SummaryFacts): string {
  const n = (k: number, one: string, many = `${one}s`) => `${k.toLocaleString("en-US")} ${k === 1 ? one : many}`;
  return `built ${n(f.transcripts, "transcript")}, ${n(f.sections, "section")}, ${n(f.pages, "page")}; ` +
    `${n(f.skipped, "file")} skipped, ${n(f.errors, "error")}, ${n(f.warnings, "warning")}, ${n(f.removed, "removed line")}; ` +
    `${(f.ms / 1000).toFixed(1)} s`;
}
