/**
 * yaml, the YAML parser of the input files. `npm run build` replaces the compiled file by a
 * one-file bundle (scripts/bundle-vendor.mjs); import yaml from here, not from 'yaml'.
 * The names are listed (yaml is CommonJS, so `export *` would not survive bundling).
 * Only src/io/yaml.ts imports it: every YAML input goes through that loader.
 */
export { isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
export type { Document, Pair, YAMLMap } from 'yaml';
