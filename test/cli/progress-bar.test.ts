import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { progressBarOf } from '../../src/cli/progress-bar.ts';
import { silentProgress } from '../../src/progress.ts';

/** A terminal-like stream that keeps what is written to it. */
function terminal(isTTY: boolean): NodeJS.WriteStream & { text: () => string } {
  const parts: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      parts.push(chunk.toString());
      done();
    },
  }) as unknown as NodeJS.WriteStream & { text: () => string };
  Object.assign(stream, { isTTY, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true, text: () => parts.join('') });
  return stream;
}

test('progress bar: silent when the stream is not a terminal', () => {
  const out = terminal(false);
  assert.equal(progressBarOf(out), silentProgress);
});

test('progress bar: a bar with label, percentage and note on a terminal', () => {
  const out = terminal(true);
  const bar = progressBarOf(out);
  bar.start('import 20131024.export.CSV', 200);
  bar.update(100, '2,500 rows');
  bar.stop();
  assert.match(out.text(), /import 20131024\.export\.CSV \[.*\] 50% 2,500 rows/);
});
