/**
 * The one filter of text that reaches a terminal (src/io/terminal.ts): control characters removed
 * (the guarded streams, the report's text) or, with `escape`, shown as `\u….` escapes (one line of
 * forecast-batch's problems; was `terminalSafe` in src/forecast/batch-problems.ts).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { guardStream, stripControls } from '../../src/io/terminal.js';

describe('stripControls', () => {
  it('removes ESC sequences whole, C0 but tab and line breaks, DEL, C1 and the bidi characters', () => {
    expect(stripControls('\u001b[31mred\u001b[0m')).toBe('red');
    expect(stripControls('\u001b]0;title\u0007x')).toBe('x');
    expect(stripControls('a\u0000\u0008\u000b\u000c\u000e\u001f\u007f\u0085\u009fb')).toBe('ab');
    expect(stripControls('a\u202eb\u2066c\u2069')).toBe('abc');
    // the bidirectional marks too (terminalSafe escaped them; the union of what both filtered)
    expect(stripControls('a\u200eb\u200fc')).toBe('abc');
    expect(stripControls('a\tb\nc\r\nd\u2028e\u2029')).toBe('a\tb\nc\r\nd\u2028e\u2029');
    const plain = 'Rådgivning og udredning: 1.234,5 mio. kr.';
    expect(stripControls(plain)).toBe(plain);
  });
  it('with escape: every one of them, tab and line breaks too, as a visible escape (one line)', () => {
    expect(stripControls('a\u001b[31mb', { escape: true })).toBe('a\\u001b[31mb');
    expect(stripControls('x\u0085y', { escape: true })).toBe('x\\u0085y');
    expect(stripControls('\t\n\r\u2028\u2029', { escape: true })).toBe('\\u0009\\u000a\\u000d\\u2028\\u2029');
    expect(stripControls('\u200e\u200f\u202a\u202e\u2066\u2069\u007f', { escape: true })).toBe(
      '\\u200e\\u200f\\u202a\\u202e\\u2066\\u2069\\u007f',
    );
    expect(stripControls('æøå "x"', { escape: true })).toBe('æøå "x"');
  });
});

describe('guardStream: a reader that stops reading ends the output, not the command', () => {
  it('viso … | head -c 0: exit 0, nothing on stderr (was an unhandled EPIPE with a stack trace)', () => {
    for (const args of ['data list --json', 'forecast viso.raadgivning.forbrug --json']) {
      const r = spawnSync('bash', ['-c', `node dist/cli/main.js ${args} | head -c 0; echo "rc=\${PIPESTATUS[0]}"`], {
        encoding: 'utf8',
      });
      expect(r.stdout.trim()).toBe('rc=0');
      expect(r.stderr).toBe('');
    }
  });
  it('writes after EPIPE are dropped, and a write callback is still called', async () => {
    const out = new PassThrough() as unknown as NodeJS.WriteStream;
    guardStream(out);
    out.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(out.write('after')).toBe(true);
    await new Promise<void>((done) => out.write('x', () => done()));
    // another error is not swallowed
    expect(() => out.emit('error', Object.assign(new Error('boom'), { code: 'EIO' }))).toThrow('boom');
  });
});
