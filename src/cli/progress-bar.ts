import cliProgress from 'cli-progress';
import type { Progress } from '../progress.ts';
import { silentProgress } from '../progress.ts';

/** A bar or counter on `stream` (stderr by default) when it is a terminal; silent otherwise, so pipes and CI logs stay clean. */
export function progressBarOf(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return silentProgress;
  let bar: cliProgress.SingleBar | null = null;
  let label = '';
  return {
    start(next: string, total: number | null): void {
      bar?.stop();
      label = next;
      const format = total === null ? `${label} {value} {note}` : `${label} [{bar}] {percentage}% {note}`;
      bar = new cliProgress.SingleBar({ format, stream, noTTYOutput: false, hideCursor: true, clearOnComplete: true, etaBuffer: 50 }, cliProgress.Presets.shades_classic);
      bar.start(total ?? 0, 0, { note: '' });
    },
    update(done: number, note?: string): void {
      bar?.update(done, { note: note ?? '' });
    },
    stop(): void {
      bar?.stop();
      bar = null;
    },
  };
}
