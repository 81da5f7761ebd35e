/**
 * Keeps a program's output for the report without letting a flood fill memory: the first lines
 * (how it started) and the last lines (how it ended) are kept, the middle is counted.
 */
import type { OutputLine } from './run-ipxfer.js';

export class OutputLog {
  private readonly head: OutputLine[] = [];
  private tail: OutputLine[] = [];
  private total = 0;

  constructor(
    private readonly headMax = 1000,
    private readonly tailMax = 4000,
  ) {}

  push(line: OutputLine): void {
    this.total++;
    if (this.head.length < this.headMax) {
      this.head.push(line);
      return;
    }
    this.tail.push(line);
    // Trim in batches: one splice per tailMax lines keeps pushing O(1) on average.
    if (this.tail.length > this.tailMax * 2) this.tail = this.tail.slice(-this.tailMax);
  }

  get count(): number {
    return this.total;
  }

  snapshot(): { lines: OutputLine[]; total: number; truncated: boolean } {
    const tail = this.tail.slice(-this.tailMax);
    const lines = [...this.head, ...tail];
    return { lines, total: this.total, truncated: lines.length < this.total };
  }
}
