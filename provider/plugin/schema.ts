/**
 * The plugin's Pulumi package schema: schema.json, generated from the doc comments of the TypeScript types by
 * `npm run schema` (tools/plugin-schema), never edited by hand; tests/unit/plugin-schema.test.ts keeps it in
 * step with the sources and with the provider's inputs.
 */
import schema from "./schema.json";

/** The schema as the plugin's GetSchema answers it. */
export const PLUGIN_SCHEMA = schema;

/** The schema's JSON text. */
export const PLUGIN_SCHEMA_TEXT = JSON.stringify(schema);
