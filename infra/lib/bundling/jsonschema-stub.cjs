/**
 * Stands in for `jsonschema` in the function bundles (hongjia-function.ts `functionBundling`,
 * an esbuild alias). ElectroDB requires it for one thing: checking an entity's model when the
 * entity is constructed (electrodb/src/validations.js `validateModel`). Our models are fixed
 * code, and functions/test/entity-models.test.ts constructs every one of them under the real
 * library, so a Lambda need not carry ≈ 28 KiB to check them again at every cold start
 * (decision 0026).
 */
class Validator {
  addSchema() {}
  validate() {
    return { errors: [] };
  }
}
Validator.prototype.customFormats = {};
module.exports = { Validator };
