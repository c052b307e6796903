/**
 * `validateYaml` for schemas with messages of their own (`z.string().regex(re, 'a four-digit year
 * as key')`): such a message, given in English in the schema, is reported as its code of the
 * dictionary, so the command line words it in the user's language.
 */
import type { ZodType } from '../vendor/zod.js';
import { validateYaml, yamlError, zodIssuePath, type YamlFile, type ZodIssueLike } from '../io/yaml.js';
import type { MsgCode } from '../text/messages.js';

/**
 * Validate a YAML file against a schema; a first issue with one of the schema's own messages
 * (`own`: English message → code, also for a record key) throws with the code, any other issue
 * as `validateYaml` does.
 *
 * @example
 * validateYamlOwn(y, schema, { 'a four-digit year as key': 'cost.schema.yearKey' })
 * // throws: cost.yaml:5:5: expected a key that is a four-digit year as key for pl_index.overrides.x25, found "x25"
 */
export function validateYamlOwn<T>(y: YamlFile, schema: ZodType<T>, own: Readonly<Record<string, MsgCode>>): T {
  const r = schema.safeParse(y.data);
  if (r.success) return r.data;
  // a misspelt key is named before the field it leaves missing (validateYaml picks it)
  if (r.error.issues.some((i) => i.code === 'unrecognized_keys')) return validateYaml(y, schema);
  const issue = r.error.issues[0] as ZodIssueLike;
  const codeOf = (i: ZodIssueLike | undefined): MsgCode | undefined =>
    i && Object.hasOwn(own, i.message) ? own[i.message] : undefined;
  const code = codeOf(issue);
  if (code) throw yamlError(y, zodIssuePath(issue), { code });
  const inner = issue.code === 'invalid_key' ? codeOf(issue.issues?.[0]) : undefined;
  if (inner) throw yamlError(y, zodIssuePath(issue), { code: 'zod.key', params: { what: { code: inner } } });
  return validateYaml(y, schema);
}
