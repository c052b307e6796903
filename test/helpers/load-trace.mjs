// Module-load trace for tests: `node --import ./test/helpers/load-trace.mjs ...` appends the URL
// of every module Node loads (ES modules and CommonJS alike) to the file named by
// $VISO_LOAD_TRACE, one per line. Used to check that importing the package or running a
// command loads only what it needs (test/cli/lazy.test.ts).
import { register } from 'node:module';
import { appendFileSync } from 'node:fs';
import Module from 'node:module';

const out = process.env.VISO_LOAD_TRACE;
if (out) {
  register(new URL('./load-trace-hooks.mjs', import.meta.url), { data: { out } });
  // CommonJS modules required from CommonJS bypass the ESM hooks
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    const filename = Module._resolveFilename(request, parent, isMain);
    if (filename.startsWith('/')) appendFileSync(out, `file://${filename}\n`);
    return load.call(this, request, parent, isMain);
  };
}
