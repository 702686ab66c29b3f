// Progress bars for long CLI work (seeding, import, backup), silent when not on a terminal.
import cliProgress from 'cli-progress';

/** Returns an onProgress(done, total) callback that draws a bar on stderr. */
export function progressBar(label: string) {
  let bar: cliProgress.SingleBar | null = null;
  return (done: number, total: number) => {
    if (!bar) {
      bar = new cliProgress.SingleBar(
        { format: `${label} [{bar}] {percentage}% {value}/{total}`, stream: process.stderr, noTTYOutput: false },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
    }
    bar.setTotal(total);
    bar.update(done);
    if (done >= total) bar.stop();
  };
}
