import { PassThrough } from 'node:stream';
import { progressBar } from './progress';

/** A stream that is not a terminal, collecting what is written. */
function pipe(): { stream: NodeJS.WriteStream; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return {
    stream: Object.assign(stream, { isTTY: false }) as unknown as NodeJS.WriteStream,
    text: () => text,
  };
}

describe('progress bar', () => {
  it('stays silent off a terminal unless forced, so piped output stays clean', () => {
    const out = pipe();
    const bar = progressBar('verifying', 100_000, { stream: out.stream });
    bar.update(50_000, 100_000);
    bar.done();
    expect(out.text()).toBe('');
  });

  it('prints plain lines off a terminal when forced', async () => {
    const out = pipe();
    const bar = progressBar('verifying round-x', 10, { stream: out.stream, forced: true });
    bar.update(10, 10);
    bar.done();
    await new Promise((resolve) => setImmediate(resolve));
    expect(out.text()).toMatch(/verifying round-x \[.*\] 100% \| 10\/10 events/);
  });
});
