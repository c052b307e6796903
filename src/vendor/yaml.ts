/**
 * yaml, the YAML parser of the input files. `npm run build` replaces the compiled file by a
 * one-file bundle (scripts/bundle-vendor.mjs); import yaml from here, not from 'yaml'.
 * The names are listed (yaml is CommonJS, so `export *` would not survive bundling).
 */
export { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
export type { Document } from 'yaml';
