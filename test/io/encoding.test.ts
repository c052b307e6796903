/**
 * Text encodings of user files (src/io/encoding.ts): a UTF-8 byte-order mark before bytes that are
 * not UTF-8 is Windows-1252 (as without a mark), never UTF-8 with replacement characters; bytes with
 * both UTF-8 sequences and bytes that are not UTF-8 are flagged at the line of the first such byte.
 */
import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding, utf8Mixture } from '../../src/io/encoding.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const cp1252 = (s: string) => Buffer.from(s, 'latin1');

describe('decodeText', () => {
  it('a UTF-8 byte-order mark followed by Windows-1252 bytes (æøå as E6 F8 E5) is read as Windows-1252, the mark dropped', () => {
    const text = 'serie;år;værdi;enhed;kilde\nx.y;2025;1;antal;Rådgivning, Ærø, Øst\n';
    const bytes = Buffer.concat([BOM, cp1252(text)]);
    expect(bytes.includes(Buffer.from([0xe6]))).toBe(true);
    expect(detectEncoding(bytes)).toBe('windows-1252');
    const d = decodeText(bytes);
    expect(d).toEqual({ text, encoding: 'windows-1252', bom: true });
    expect(d.text).not.toContain('\ufffd');
  });
  it('Windows-1252 bytes 0x80–0x9F are their characters after a mark too (0x96 is –, 0x80 is €)', () => {
    expect(decodeText(Buffer.concat([BOM, Buffer.from([0x96, 0x80, 0xe6])]))).toEqual({
      text: '–€æ',
      encoding: 'windows-1252',
      bom: true,
    });
  });
  it('a UTF-8 byte-order mark before UTF-8 stays UTF-8', () => {
    expect(decodeText(Buffer.concat([BOM, Buffer.from('år;værdi\n')]))).toEqual({
      text: 'år;værdi\n',
      encoding: 'utf-8',
      bom: true,
    });
  });
  it('UTF-8 and single-byte æ in one file (with or without a mark) is flagged at the line of the first byte that is not UTF-8', () => {
    const mixed = Buffer.concat([Buffer.from('serie;år\nrådgivning;2020\n'), cp1252('kas;2021\nforbrug æ;2022\n')]);
    expect(decodeText(mixed).notUtf8).toEqual({ line: 4, byte: 0xe6 });
    expect(decodeText(Buffer.concat([BOM, mixed])).notUtf8).toEqual({ line: 4, byte: 0xe6 });
    // the byte that is not UTF-8 may come before the UTF-8
    expect(decodeText(Buffer.concat([cp1252('ø\r\n\r\n'), Buffer.from('å')])).notUtf8).toEqual({ line: 1, byte: 0xf8 });
  });
  it('a file without a UTF-8 sequence is not flagged (plain Windows-1252)', () => {
    expect(decodeText(cp1252('år;værdi\nø;1\n')).notUtf8).toBeUndefined();
    expect(decodeText(Buffer.concat([BOM, cp1252('år\n')])).notUtf8).toBeUndefined();
  });
});

describe('utf8Mixture', () => {
  it('counts LF, CRLF and a lone CR as line ends', () => {
    expect(utf8Mixture(Buffer.concat([Buffer.from('å\ra\r\nb\n'), Buffer.from([0xe6])]))).toEqual({
      line: 4,
      byte: 0xe6,
    });
  });
  it('needs a well-formed sequence: an overlong C0 80, a surrogate ED A0 80 or a lone lead byte is not UTF-8', () => {
    expect(utf8Mixture(Buffer.from([0xc0, 0x80, 0xe6]))).toBeUndefined();
    expect(utf8Mixture(Buffer.from([0xed, 0xa0, 0x80, 0xe6]))).toBeUndefined();
    expect(utf8Mixture(Buffer.from([0xc3, 0x41]))).toBeUndefined();
    expect(utf8Mixture(Buffer.from([0xf0, 0x9f, 0x98, 0x80, 0x0a, 0xe6]))).toEqual({ line: 2, byte: 0xe6 });
  });
});
