/**
 * zod, the schema validator of the input files. `npm run build` replaces the compiled file by
 * a one-file bundle (scripts/bundle-vendor.mjs); import zod from here, not from 'zod'.
 */
export * from 'zod';
