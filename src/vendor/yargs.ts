/**
 * yargs, the command-line parser of `viso`. `npm run build` replaces the compiled file by a
 * one-file bundle (scripts/bundle-vendor.mjs), which loads in about a third of the time.
 */
export { default as yargs } from 'yargs';
export { hideBin } from 'yargs/helpers';
