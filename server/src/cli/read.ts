/** Reading a file for the engine: bytes → text, with a BOM stripped and binary input recognised. */
import * as fs from 'fs';

export interface ReadResult {
  text: string;
  encoding: string;
  bom: boolean;
  binary: boolean;
}

export function decode(buf: Buffer): ReadResult {
  let bom = false;
  let start = 0;
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    bom = true;
    start = 3;
  }
  const body = buf.subarray(start);
  const sample = body.subarray(0, 65536);
  let nul = 0;
  for (const b of sample) if (b === 0) nul++;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(body);
  return { text, encoding: 'utf-8', bom, binary: nul > 0 && nul / Math.max(1, sample.length) > 0.01 };
}

export function readText(file: string): ReadResult {
  return decode(fs.readFileSync(file));
}
