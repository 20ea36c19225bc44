import { Presets, SingleBar } from 'cli-progress';

/** Reports progress of long work; `done` stops it. */
export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

const NONE: Progress = { update: () => undefined, done: () => undefined };
/** Below this many events the work takes less than a blink: no bar. */
const WORTH_A_BAR = 20_000;

/**
 * A progress bar on stderr, only when stderr is a terminal or when forced (`--progress`), so
 * piped or captured output stays clean. Forced on a non-terminal it prints a line per second.
 */
export function progressBar(
  label: string,
  total: number,
  options: { forced?: boolean; stream?: NodeJS.WriteStream } = {},
): Progress {
  const stream = options.stream ?? process.stderr;
  const tty = Boolean(stream.isTTY);
  if (!options.forced && (!tty || total < WORTH_A_BAR)) return NONE;
  const bar = new SingleBar(
    {
      stream,
      format: `${label} [{bar}] {percentage}% | {value}/{total} events | {eta_formatted} left`,
      noTTYOutput: !tty,
      notTTYSchedule: 1_000,
      hideCursor: tty,
      clearOnComplete: false,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  let lastRender = Date.now();
  return {
    update(done) {
      bar.update(done);
      // The work is synchronous, so the bar's own timer never fires off a terminal: render here.
      if (!tty && Date.now() - lastRender >= 1_000) {
        bar.render();
        lastRender = Date.now();
      }
    },
    done() {
      bar.stop();
    },
  };
}
