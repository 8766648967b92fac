/**
 * The five seed pages belong to the project: a copy with their labels and gold text lives in
 * test/fixtures/seeds (the raw pages also in samples/ for the README's main job).
 */
import * as fs from 'fs';
import * as path from 'path';

export const SEEDS_DIR = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'seeds');

export function seedIds(): string[] {
  if (!fs.existsSync(SEEDS_DIR)) {
    // eslint-disable-next-line no-console
    console.log(`  (seed pages not found at ${SEEDS_DIR}: seed fixtures are skipped)`);
    return [];
  }
  return fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.labels')).map((f) => f.slice(0, -7)).sort();
}

export interface Seed {
  id: string;
  text: string;
  labels: string[];
  gold: string;
}

export function loadSeed(id: string): Seed {
  const text = fs.readFileSync(path.join(SEEDS_DIR, id + '.txt'), 'utf8');
  const labels = fs.readFileSync(path.join(SEEDS_DIR, id + '.labels'), 'utf8').split(/\s+/).filter(Boolean);
  const gold = fs.readFileSync(path.join(SEEDS_DIR, id + '.clean.txt'), 'utf8');
  return { id, text, labels, gold };
}
