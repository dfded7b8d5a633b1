/**
 * Progress of a command that makes many calls. On a terminal, one line redrawn in place on stderr; elsewhere
 * (CI logs, pipes) a plain line at the start and at the end, so logs stay readable and stdout stays data.
 */

/** Where progress goes: a stream with an optional `isTTY`. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** Tasks of fewer steps than this show no progress: a few calls are over before anyone looks. */
const PROGRESS_MIN_STEPS = 10;

/** Counts steps of one task and shows them. */
export class Progress {
  #done = 0;
  #lastDrawn = -1;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly stream: ProgressStream = process.stderr,
  ) {
    if (total < PROGRESS_MIN_STEPS) return;
    if (!stream.isTTY) stream.write(`${label}: ${total} to go\n`);
    else this.#draw();
  }

  /** One more step done. */
  tick(): void {
    this.#done++;
    if (this.stream.isTTY && this.total >= PROGRESS_MIN_STEPS) this.#draw();
  }

  /** Ends the line; says how many steps were done. */
  finish(): void {
    if (this.total < PROGRESS_MIN_STEPS) return;
    if (this.stream.isTTY) this.stream.write(`\r\x1b[2K${this.label}: ${this.#done}/${this.total} done\n`);
    else this.stream.write(`${this.label}: ${this.#done}/${this.total} done\n`);
  }

  #draw(): void {
    // Redraw at most once per percent: a 5,000-record zone does not need 5,000 writes.
    const percent = this.total === 0 ? 100 : Math.floor((this.#done * 100) / this.total);
    if (percent === this.#lastDrawn) return;
    this.#lastDrawn = percent;
    this.stream.write(`\r\x1b[2K${this.label}: ${this.#done}/${this.total} (${percent}%)`);
  }
}
