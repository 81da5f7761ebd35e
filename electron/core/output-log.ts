/**
 * Keeps a program's output for the report without letting a flood fill memory: the first lines
 * (how it started) and the last lines (how it ended) are kept, the middle is counted. Both ends
 * are bounded in lines and in characters, since a line can be 64 KiB (line-decoder.ts): 20 MB of
 * output must not become a 20 MB report.
 */
import type { OutputLine } from './run-ipxfer.js';

export interface OutputGap {
  /** The gap comes after this many kept lines. */
  at: number;
  lines: number;
  chars: number;
}

export interface OutputSnapshot {
  lines: OutputLine[];
  total: number;
  truncated: boolean;
  /** What was left out in the middle, or null when nothing was. */
  gap: OutputGap | null;
}

export interface OutputLimits {
  headLines: number;
  tailLines: number;
  headChars: number;
  tailChars: number;
}

export const OUTPUT_LIMITS: OutputLimits = { headLines: 1000, tailLines: 4000, headChars: 256 * 1024, tailChars: 1024 * 1024 };

export class OutputLog {
  private readonly limits: OutputLimits;
  private readonly head: OutputLine[] = [];
  private headChars = 0;
  private headFull = false;
  /** The tail is tail[tailStart..]; dropping from the front only moves tailStart (O(1)) and empties the slot. */
  private tail: (OutputLine | undefined)[] = [];
  private tailStart = 0;
  private tailChars = 0;
  private total = 0;
  private droppedLines = 0;
  private droppedChars = 0;

  constructor(headLines = OUTPUT_LIMITS.headLines, tailLines = OUTPUT_LIMITS.tailLines, chars: Partial<Pick<OutputLimits, 'headChars' | 'tailChars'>> = {}) {
    this.limits = { ...OUTPUT_LIMITS, headLines, tailLines, ...chars };
  }

  push(line: OutputLine): void {
    this.total++;
    const size = line.text.length;
    // Once the head is full it stays closed, so the kept lines stay in order.
    if (!this.headFull && this.head.length < this.limits.headLines && this.headChars + size <= this.limits.headChars) {
      this.head.push(line);
      this.headChars += size;
      return;
    }
    this.headFull = true;
    this.tail.push(line);
    this.tailChars += size;
    // The newest line always stays, even when it alone is over the budget.
    while (this.tail.length - this.tailStart > 1 && (this.tail.length - this.tailStart > this.limits.tailLines || this.tailChars > this.limits.tailChars)) {
      const old = this.tail[this.tailStart]!;
      this.tail[this.tailStart++] = undefined;
      this.tailChars -= old.text.length;
      this.droppedLines++;
      this.droppedChars += old.text.length;
    }
    if (this.tailStart > 4096 && this.tailStart * 2 > this.tail.length) {
      this.tail = this.tail.slice(this.tailStart);
      this.tailStart = 0;
    }
  }

  get count(): number {
    return this.total;
  }

  snapshot(): OutputSnapshot {
    const lines = [...this.head, ...this.tail.slice(this.tailStart).filter((l) => l !== undefined)];
    const gap = this.droppedLines ? { at: this.head.length, lines: this.droppedLines, chars: this.droppedChars } : null;
    return { lines, total: this.total, truncated: gap !== null, gap };
  }
}
