/**
 * The `ovhdns` plugin's Pulumi package schema, generated from the TypeScript sources so that the two doors
 * describe the provider with one text: the doc comments of `ZoneRecordArgs` (inputs) and of the `ZoneRecord`
 * class and its declared outputs (sdk/zone-record.ts), of the data sources and their `Get*Args`/`Get*Result`
 * (sdk/data-sources.ts, provider/zone-record/data-sources.ts), and of `PluginConfig` (provider/plugin/config.ts,
 * where `@secret` marks a secret). `npm run schema` writes provider/plugin/schema.json; tests/unit/plugin-schema.test.ts
 * fails when that file and this generator's output differ, or when the schema and the provider's inputs do.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "..", "..");
export const SCHEMA_FILE = path.join(ROOT, "provider", "plugin", "schema.json");
const SDK_FILE = path.join(ROOT, "sdk", "zone-record.ts");
const DYNHOST_FILE = path.join(ROOT, "sdk", "dynhost.ts");
const CONFIG_FILE = path.join(ROOT, "provider", "plugin", "config.ts");
const DATA_SOURCES_FILE = path.join(ROOT, "sdk", "data-sources.ts");
const PROVIDER_DATA_SOURCES_FILE = path.join(ROOT, "provider", "zone-record", "data-sources.ts");

/** The type part of a schema property (the subset this package uses). */
export type SchemaType =
  | { type: "string" | "number" | "boolean" }
  | { type: "array"; items: SchemaType }
  | { $ref: string };

/** A property of the schema. */
export type SchemaProperty = SchemaType & { description: string; secret?: boolean };

interface Member {
  name: string;
  optional: boolean;
  property: SchemaProperty;
}

/** The object types of provider/zone-record/data-sources.ts the functions return, by schema token. */
const OBJECT_TYPES: Record<string, string> = { ZoneRecordInfo: "ovhdns:index:ZoneRecordInfo" };

/** The doc comment of a declaration, as plain text (tags left out). */
function docOf(node: ts.Node, source: ts.SourceFile): string {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const text = docs.map((d) => (typeof d.comment === "string" ? d.comment : ts.getTextOfJSDocComment(d.comment) ?? "")).join("\n").trim();
  if (!text) throw new Error(`${source.fileName}: ${node.getText(source).split("\n")[0]} has no doc comment: the schema's description comes from it`);
  return text;
}

function hasTag(node: ts.Node, tag: string): boolean {
  return ts.getJSDocTags(node).some((t) => t.tagName.text === tag);
}

/** The schema type of a TypeScript type: `pulumi.Input<T>`/`pulumi.Output<T>` unwrapped; string aliases are strings. */
function schemaType(type: ts.TypeNode | undefined, source: ts.SourceFile): SchemaType {
  if (!type) throw new Error(`${source.fileName}: a member without a type`);
  if (ts.isTypeReferenceNode(type) && /^pulumi\.(Input|Output)$/.test(type.typeName.getText(source)) && type.typeArguments?.length === 1) {
    return schemaType(type.typeArguments[0], source);
  }
  if (ts.isArrayTypeNode(type)) return { type: "array", items: schemaType(type.elementType, source) };
  const text = type.getText(source);
  if (text === "string" || text === "FieldTypeInput") return { type: "string" };
  if (text === "number") return { type: "number" };
  if (text === "boolean") return { type: "boolean" };
  if (OBJECT_TYPES[text]) return { $ref: `#/types/${OBJECT_TYPES[text]}` };
  throw new Error(`${source.fileName}: no schema type for "${text}": add it to tools/plugin-schema/generate.ts`);
}

function membersOf(members: ts.NodeArray<ts.TypeElement | ts.ClassElement>, source: ts.SourceFile, declaredOnly: boolean): Member[] {
  const out: Member[] = [];
  for (const m of members) {
    if (!(ts.isPropertySignature(m) || ts.isPropertyDeclaration(m))) continue;
    if (declaredOnly && !m.modifiers?.some((x) => x.kind === ts.SyntaxKind.DeclareKeyword)) continue;
    const property: SchemaProperty = { ...schemaType(m.type, source), description: docOf(m, source) };
    if (hasTag(m, "secret")) property.secret = true;
    out.push({ name: m.name.getText(source), optional: m.questionToken !== undefined, property });
  }
  return out;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
}

function find<T extends ts.Node>(source: ts.SourceFile, test: (n: ts.Node) => n is T, name: string): T {
  const found = source.statements.find((s) => test(s) && (s as unknown as { name?: ts.Identifier }).name?.text === name);
  if (!found) throw new Error(`${source.fileName}: no ${name}`);
  return found as unknown as T;
}

const props = (members: Member[]) => Object.fromEntries(members.map((m) => [m.name, m.property]));
const required = (members: Member[]) => members.filter((m) => !m.optional).map((m) => m.name);
const object = (members: Member[]) => ({ properties: props(members), required: required(members) });

/** The members of interface `name`, or of the interface its type alias names, in `sources` (first found). */
function interfaceMembers(name: string, sources: ts.SourceFile[]): Member[] {
  for (const source of sources) {
    for (const statement of source.statements) {
      if (ts.isInterfaceDeclaration(statement) && statement.name.text === name) return membersOf(statement.members, source, false);
      if (ts.isTypeAliasDeclaration(statement) && statement.name.text === name) return interfaceMembers(statement.type.getText(source), sources);
    }
  }
  throw new Error(`no interface ${name} in ${sources.map((s) => s.fileName).join(", ")}`);
}

/** The data sources of sdk/data-sources.ts as schema functions: `getX` with `GetXArgs` and `GetXResult`. */
function functions(): Record<string, unknown> {
  const sdk = parse(DATA_SOURCES_FILE);
  const provider = parse(PROVIDER_DATA_SOURCES_FILE);
  const out: Record<string, unknown> = {};
  for (const statement of sdk.statements) {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!ts.isFunctionDeclaration(statement) || !exported || !statement.name || statement.name.text.endsWith("Output")) continue;
    const name = statement.name.text;
    const stem = name.charAt(0).toUpperCase() + name.slice(1);
    const hasArgs = statement.parameters.length > 0;
    out[`ovhdns:index:${name}`] = {
      description: docOf(statement, sdk),
      ...(hasArgs ? { inputs: object(interfaceMembers(`${stem}Args`, [sdk])) } : {}),
      outputs: object(interfaceMembers(`${stem}Result`, [sdk, provider])),
    };
  }
  return out;
}

/** The object types the functions return. */
function types(): Record<string, unknown> {
  const provider = parse(PROVIDER_DATA_SOURCES_FILE);
  return Object.fromEntries(Object.entries(OBJECT_TYPES).map(([name, token]) => {
    const node = find(provider, ts.isInterfaceDeclaration, name);
    return [token, { type: "object", description: docOf(node, provider), ...object(membersOf(node.members, provider, false)) }];
  }));
}

/** The schema resource of class `className` and its args interface `argsName` in `file`. */
function resourceOf(file: string, argsName: string, className: string): Record<string, unknown> {
  const sdk = parse(file);
  const args = membersOf(find(sdk, ts.isInterfaceDeclaration, argsName).members, sdk, false);
  const resource = find(sdk, ts.isClassDeclaration, className);
  const outputs = membersOf(resource.members, sdk, true);
  return {
    description: docOf(resource, sdk),
    properties: props(outputs),
    required: required(outputs),
    inputProperties: props(args),
    requiredInputs: required(args),
  };
}

/** The package schema, as an object. */
export function generateSchema(): Record<string, unknown> {
  const sdk = parse(SDK_FILE);
  const args = membersOf(find(sdk, ts.isInterfaceDeclaration, "ZoneRecordArgs").members, sdk, false);
  const resource = find(sdk, ts.isClassDeclaration, "ZoneRecord");
  const outputs = membersOf(resource.members, sdk, true);
  const configSource = parse(CONFIG_FILE);
  const configNode = find(configSource, ts.isInterfaceDeclaration, "PluginConfig");
  const config = membersOf(configNode.members, configSource, false);
  return {
    name: "ovhdns",
    displayName: "OVHcloud DNS (pulumi-ovh-dns)",
    description: "OVHcloud DNS records, checked before any write, with coalesced zone refreshes and no duplicate after an ambiguous POST.",
    keywords: ["pulumi", "ovh", "ovhcloud", "dns", "category/network", "kind/native"],
    license: "Apache-2.0",
    publisher: "pulumi-ovh-dns",
    config: { variables: props(config) },
    provider: { description: docOf(configNode, configSource), inputProperties: props(config) },
    resources: {
      "ovhdns:index:ZoneRecord": {
        description: docOf(resource, sdk),
        properties: props(outputs),
        required: required(outputs),
        inputProperties: props(args),
        requiredInputs: required(args),
      },
      "ovhdns:index:DynHostRecord": resourceOf(DYNHOST_FILE, "DynHostRecordArgs", "DynHostRecord"),
      "ovhdns:index:DynHostLogin": resourceOf(DYNHOST_FILE, "DynHostLoginArgs", "DynHostLogin"),
    },
    functions: functions(),
    types: types(),
    language: {
      nodejs: { packageName: "@pulumi-ovh-dns/ovhdns" },
      python: { packageName: "pulumi_ovhdns" },
      go: { importBasePath: "example.com/pulumi-ovh-dns/sdk/go/ovhdns", generateResourceContainerTypes: false },
    },
  };
}

/** The schema file's text (sorted as generated, two-space indented, one final newline). */
export function schemaText(): string {
  return `${JSON.stringify(generateSchema(), null, 2)}\n`;
}

if (require.main === module) {
  fs.writeFileSync(SCHEMA_FILE, schemaText());
  process.stdout.write(`wrote ${path.relative(ROOT, SCHEMA_FILE)}\n`);
}
