/**
 * The `ovhdns` plugin's Pulumi package schema, generated from the TypeScript sources so that the two doors
 * describe the provider with one text: the doc comments of `ZoneRecordArgs` (inputs) and of the `ZoneRecord`
 * class and its declared outputs (sdk/zone-record.ts), the same of `ZoneDnssec` (sdk/zone-dnssec.ts), of the data
 * sources and their `Get*Args`/`Get*Result` (sdk/data-sources.ts, provider/zone-record/data-sources.ts), of
 * `PluginConfig` (provider/plugin/config.ts, where `@secret` marks a secret), and of the `Zone` component: `ZoneArgs`
 * and the Zone's Output members (sdk/zone.ts, where `@typescriptOnly` marks an input the plugin does not take),
 * `ZoneFileArgs` (provider/plugin/zone-component.ts) and `ZoneRecordSpec` (sdk/zone/records.ts). `npm run schema` writes provider/plugin/schema.json; tests/unit/plugin-schema.test.ts
 * fails when that file and this generator's output differ, or when the schema and the provider's inputs do.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "..", "..");
export const SCHEMA_FILE = path.join(ROOT, "provider", "plugin", "schema.json");
const SDK_FILE = path.join(ROOT, "sdk", "zone-record.ts");
const DNSSEC_FILE = path.join(ROOT, "sdk", "zone-dnssec.ts");
const DYNHOST_FILE = path.join(ROOT, "sdk", "dynhost.ts");
const REDIRECTION_FILE = path.join(ROOT, "sdk", "zone-redirection.ts");
const SOA_FILE = path.join(ROOT, "sdk", "zone-soa.ts");
const CONFIG_FILE = path.join(ROOT, "provider", "plugin", "config.ts");
const DATA_SOURCES_FILE = path.join(ROOT, "sdk", "data-sources.ts");
const PROVIDER_DATA_SOURCES_FILE = path.join(ROOT, "provider", "zone-record", "data-sources.ts");
const ZONE_FILE = path.join(ROOT, "sdk", "zone.ts");
const ZONE_COMPONENT_FILE = path.join(ROOT, "provider", "plugin", "zone-component.ts");
const ZONE_RECORD_SPEC_FILE = path.join(ROOT, "sdk", "zone", "records.ts");

/** The type part of a schema property (the subset this package uses). */
export type SchemaType =
  | { type: "string" | "number" | "boolean" }
  | { type: "array"; items: SchemaType }
  | { type: "object"; additionalProperties: SchemaType }
  | { $ref: string };

/** A property of the schema. */
export type SchemaProperty = SchemaType & { description: string; secret?: boolean };

interface Member {
  name: string;
  optional: boolean;
  property: SchemaProperty;
}

/** The object types of the schema, by TypeScript name: their token and the file declaring them. */
const OBJECT_TYPES: Record<string, { token: string; file: string }> = {
  ZoneRecordInfo: { token: "ovhdns:index:ZoneRecordInfo", file: PROVIDER_DATA_SOURCES_FILE },
  ZoneRecordSpec: { token: "ovhdns:index:ZoneRecordSpec", file: ZONE_RECORD_SPEC_FILE },
};

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
  if (ts.isTypeOperatorNode(type) && type.operator === ts.SyntaxKind.ReadonlyKeyword) return schemaType(type.type, source);
  if (ts.isArrayTypeNode(type)) return { type: "array", items: schemaType(type.elementType, source) };
  // An output that may be absent (`T | undefined`) has T's type; the property is then not required.
  if (ts.isUnionTypeNode(type) && type.types.length === 2 && type.types.some((t) => t.kind === ts.SyntaxKind.UndefinedKeyword)) {
    return schemaType(type.types.find((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword), source);
  }
  // A union of a string and a number (ZoneSoa's `previous` values) is Pulumi's Any.
  if (ts.isUnionTypeNode(type) && type.types.every((t) => t.kind === ts.SyntaxKind.StringKeyword || t.kind === ts.SyntaxKind.NumberKeyword)) {
    return { $ref: "pulumi.json#/Any" };
  }
  // A union of string literals (ZoneDnssec's status) is a string; its values are in the description.
  if (ts.isUnionTypeNode(type) && type.types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))) return { type: "string" };
  if (ts.isTypeReferenceNode(type) && type.typeName.getText(source) === "Record" && type.typeArguments?.[0].getText(source) === "string") {
    return { type: "object", additionalProperties: schemaType(type.typeArguments[1], source) };
  }
  const text = type.getText(source);
  if (text === "string" || text === "FieldTypeInput" || text === "UnmanagedPolicy") return { type: "string" };
  if (text === "number") return { type: "number" };
  if (text === "boolean") return { type: "boolean" };
  if (OBJECT_TYPES[text]) return { $ref: `#/types/${OBJECT_TYPES[text].token}` };
  throw new Error(`${source.fileName}: no schema type for "${text}": add it to tools/plugin-schema/generate.ts`);
}

/** Whether a declared output is `pulumi.Output<T | undefined>`: not always there, so not required. */
function mayBeAbsent(type: ts.TypeNode | undefined, source: ts.SourceFile): boolean {
  const inner = type && ts.isTypeReferenceNode(type) && /^pulumi\.Output$/.test(type.typeName.getText(source)) ? type.typeArguments?.[0] : undefined;
  return inner !== undefined && ts.isUnionTypeNode(inner) && inner.types.some((t) => t.kind === ts.SyntaxKind.UndefinedKeyword);
}

/**
 * The properties of an interface or class. `declared`: only a resource's declared outputs (`declare`), or only a
 * component's outputs (`pulumi.Output` members). A member tagged `@typescriptOnly` is left out.
 */
function membersOf(members: ts.NodeArray<ts.TypeElement | ts.ClassElement>, source: ts.SourceFile, declared: false | "declare" | "outputs"): Member[] {
  const out: Member[] = [];
  for (const m of members) {
    if (!(ts.isPropertySignature(m) || ts.isPropertyDeclaration(m))) continue;
    if (declared === "declare" && !m.modifiers?.some((x) => x.kind === ts.SyntaxKind.DeclareKeyword)) continue;
    if (declared === "outputs" && !(m.type && ts.isTypeReferenceNode(m.type) && m.type.typeName.getText(source) === "pulumi.Output")) continue;
    if (hasTag(m, "typescriptOnly")) continue;
    const property: SchemaProperty = { ...schemaType(m.type, source), description: docOf(m, source) };
    if (hasTag(m, "secret")) property.secret = true;
    out.push({ name: m.name.getText(source), optional: m.questionToken !== undefined || mayBeAbsent(m.type, source), property });
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

/** The object types the functions return and the Zone takes. */
function types(): Record<string, unknown> {
  return Object.fromEntries(Object.entries(OBJECT_TYPES).map(([name, { token, file }]) => {
    const source = parse(file);
    const node = find(source, ts.isInterfaceDeclaration, name);
    return [token, { type: "object", description: docOf(node, source), ...object(membersOf(node.members, source, false)) }];
  }));
}

/** A resource of the schema: the doc comments of its class, its declared outputs and its `*Args` interface in `file`. */
function resourceOf(file: string, name: string): Record<string, unknown> {
  const sdk = parse(file);
  const args = membersOf(find(sdk, ts.isInterfaceDeclaration, `${name}Args`).members, sdk, false);
  const resource = find(sdk, ts.isClassDeclaration, name);
  const outputs = membersOf(resource.members, sdk, "declare");
  return { description: docOf(resource, sdk), properties: props(outputs), required: required(outputs), inputProperties: props(args), requiredInputs: required(args) };
}

/**
 * The `Zone` component: the TypeScript Zone's arguments (but `@typescriptOnly` ones) and the records files a YAML
 * program may name instead of `records` (so `records` is not required), its Output members as outputs.
 */
function zoneComponent(): Record<string, unknown> {
  const zone = parse(ZONE_FILE);
  const component = parse(ZONE_COMPONENT_FILE);
  const args = [
    ...membersOf(find(zone, ts.isInterfaceDeclaration, "ZoneArgs").members, zone, false),
    ...membersOf(find(component, ts.isInterfaceDeclaration, "ZoneFileArgs").members, component, false),
  ];
  const resource = find(zone, ts.isClassDeclaration, "Zone");
  const outputs = membersOf(resource.members, zone, "outputs");
  return {
    isComponent: true,
    description: docOf(resource, zone),
    properties: props(outputs),
    required: required(outputs),
    inputProperties: props(args),
    requiredInputs: required(args).filter((name) => name !== "records"),
  };
}

/** The package schema, as an object. */
export function generateSchema(): Record<string, unknown> {
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
      "ovhdns:index:ZoneRecord": resourceOf(SDK_FILE, "ZoneRecord"),
      "ovhdns:index:ZoneDnssec": resourceOf(DNSSEC_FILE, "ZoneDnssec"),
      "ovhdns:index:Zone": zoneComponent(),
      "ovhdns:index:DynHostRecord": resourceOf(DYNHOST_FILE, "DynHostRecord"),
      "ovhdns:index:DynHostLogin": resourceOf(DYNHOST_FILE, "DynHostLogin"),
      "ovhdns:index:ZoneRedirection": resourceOf(REDIRECTION_FILE, "ZoneRedirection"),
      "ovhdns:index:ZoneSoa": resourceOf(SOA_FILE, "ZoneSoa"),
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
