#!/usr/bin/env node
// Adds `// @ts-self-types="./<name>.d.ts"` to every compiled module in dist/ that has a
// declaration file beside it (run by `npm run build`, after tsc and the vendor bundles).
//
// Why: Deno (the notebooks, and analysts scripting in Deno) does not look for a .d.ts next to
// a local .js file; without the directive it infers types from the JavaScript (losing the
// declared types, and type-checking bundled third-party code). With it, `deno check` of a
// script importing dist/index.js uses the same declarations as TypeScript on Node.
// Idempotent: files that already carry the directive are left alone.
//
//   node scripts/ts-self-types.mjs [--root DIR]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const at = process.argv.indexOf('--root');
const dist = join(
  at > 0 ? resolve(process.argv[at + 1]) : resolve(dirname(fileURLToPath(import.meta.url)), '..'),
  'dist',
);
if (!existsSync(dist)) {
  console.error('ts-self-types: dist/ missing (run tsc first)');
  process.exit(2);
}
let added = 0;
for (const entry of readdirSync(dist, { recursive: true })) {
  const file = join(dist, String(entry));
  if (!file.endsWith('.js')) continue;
  const dts = file.replace(/\.js$/, '.d.ts');
  if (!existsSync(dts)) continue;
  const text = readFileSync(file, 'utf8');
  if (/^(?:(?:#!|\/\/).*\n){0,3}\/\/ @ts-self-types=/.test(text)) continue;
  const directive = `// @ts-self-types="./${basename(dts)}"\n`;
  // after a shebang line, which must stay first
  const at = text.startsWith('#!') ? text.indexOf('\n') + 1 : 0;
  writeFileSync(file, text.slice(0, at) + directive + text.slice(at));
  added++;
}
console.log(`ts-self-types: ${added} file(s) in dist/ now name their declarations`);
