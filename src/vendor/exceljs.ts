/**
 * exceljs, the XLSX reader and writer (import it lazily: `await import('../vendor/exceljs.js')`).
 * `npm run build` replaces the compiled file by a one-file bundle (scripts/bundle-vendor.mjs):
 * the package is about 1.000 CommonJS files and loads in about twice the time.
 */
export { default } from 'exceljs';
