/**
 * mathjs's number-only build, the two names the scenario expressions need. `npm run build`
 * replaces the compiled file by a one-file bundle (scripts/bundle-vendor.mjs); load it through
 * `loadMathjs()` in ./mathjs.ts, never statically (it is needed only for expressions).
 */
export { create, all } from 'mathjs/number';
