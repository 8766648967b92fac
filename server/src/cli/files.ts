/** Turns the command line's paths into files: folders give their *.txt files, recursively, in order. */
import * as fs from 'fs';
import * as path from 'path';

export function expandInputs(inputs: string[], warn: (msg: string) => void): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    let st: fs.Stats;
    try {
      st = fs.statSync(input);
    } catch {
      out.push(input); // reported as unreadable by the caller
      continue;
    }
    if (st.isDirectory()) walk(input, out);
    else out.push(input);
  }
  if (!out.length) warn('no input files');
  return out;
}

function walk(dir: string, out: string[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && !e.name.startsWith('.')) walk(p, out);
    } else if (e.isFile() && e.name.endsWith('.txt')) out.push(p);
  }
}
