/**
 * The shape of a TypeScript SDK, read with the TypeScript compiler: its resources' inputs (the `<Name>Args`
 * interface) and outputs (the class's `declare`d members), its functions' arguments (`Get<X>Args`) and results
 * (`Get<X>Result`, type aliases followed), the object types those return, and which of them are secret, as sorted
 * lines such as
 * `ZoneRecord input zoneName required` or `Provider input consumerKey optional secret`. Two SDKs that agree give
 * the same lines; jest's diff of two lists names each property on which they differ.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";

/** Where the resources and functions of an SDK are, and how it marks a secret. */
export interface SdkSources {
  /** The files holding its resource classes and their `<Name>Args` (every `.ts` file of the SDK for a generated one). */
  resourceFiles: string[];
  /** The files holding its `get<X>` functions with their `Get<X>Args` and `Get<X>Result`. */
  functionFiles: string[];
  /** Interfaces standing for a resource the SDK has no class of (the plugin's `PluginConfig` as `Provider`). */
  interfaces?: Record<string, { file: string; name: string }>;
  /**
   * Other files the types above are declared in (a `Get<X>Result` that is an alias of an interface elsewhere):
   * only the files named here are read, no import is followed (`noResolve`), which keeps the read to a second.
   */
  alsoRead?: string[];
  /** The object types its functions return: every exported interface of `files`, or those of `names` there. */
  objectTypes?: { files: string[]; names?: string[] };
}

type Line = string;

const isExported = (n: ts.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** A property as a line: optional or required (inputs only), and `secret` when marked so. */
function line(owner: string, kind: "input" | "output", name: string, optional: boolean, secret: boolean): Line {
  return [owner, kind, name, ...(kind === "input" ? [optional ? "optional" : "required"] : []), ...(secret ? ["secret"] : [])].join(" ");
}

/**
 * The lines of an SDK. A resource class is one that extends `pulumi.CustomResource` or `pulumi.ProviderResource`
 * (components are left out). A property is secret when its doc comment has `@secret`, or when the class passes it
 * through `pulumi.secret(args.<name>)` (inputs) or names it in `additionalSecretOutputs` (outputs), as Pulumi's
 * generator writes.
 */
export function sdkShape(sources: SdkSources): Line[] {
  const files = [...new Set([...sources.resourceFiles, ...sources.functionFiles, ...Object.values(sources.interfaces ?? {}).map((i) => i.file), ...(sources.alsoRead ?? []), ...(sources.objectTypes?.files ?? [])])];
  const program = ts.createProgram(files, { noEmit: true, noResolve: true, noLib: true, types: [], target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, strict: true });
  const checker = program.getTypeChecker();
  const lines: Line[] = [];

  const sourceOf = (file: string) => {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`${file}: not read`);
    return source;
  };
  const statementsOf = (file: string) => sourceOf(file).statements;
  /** The properties of the type an exported interface or type alias names, in `files`. */
  const propertiesOf = (name: string, files: string[]): ts.Symbol[] | undefined => {
    for (const file of files) {
      const decl = statementsOf(file).find((s) => (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && s.name.text === name);
      if (decl) return checker.getPropertiesOfType(checker.getTypeAtLocation((decl as ts.InterfaceDeclaration | ts.TypeAliasDeclaration).name));
    }
    return undefined;
  };
  const optional = (p: ts.Symbol) => (p.flags & ts.SymbolFlags.Optional) !== 0;
  const tagged = (p: ts.Symbol) => p.getJsDocTags(checker).some((t) => t.name === "secret");
  const inputs = (owner: string, props: ts.Symbol[], secretByCode = new Set<string>()) => {
    for (const p of props) lines.push(line(owner, "input", p.name, optional(p), tagged(p) || secretByCode.has(p.name)));
  };

  for (const file of sources.resourceFiles) {
    for (const s of statementsOf(file)) {
      if (!ts.isClassDeclaration(s) || !s.name || !isExported(s)) continue;
      const base = s.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression.getText(sourceOf(file));
      if (base !== "pulumi.CustomResource" && base !== "pulumi.ProviderResource") continue;
      const name = s.name.text;
      const text = s.getText(sourceOf(file));
      const secretInputs = new Set([...text.matchAll(/pulumi\.secret\(args\.(\w+)\)/g)].map((m) => m[1]));
      const secretOutputs = new Set([...text.matchAll(/additionalSecretOutputs:\s*\[([^\]]*)\]/g)].flatMap((m) => [...m[1].matchAll(/["'](\w+)["']/g)].map((q) => q[1])));
      for (const m of s.members) {
        if (!ts.isPropertyDeclaration(m) || !(ts.getModifiers(m) ?? []).some((x) => x.kind === ts.SyntaxKind.DeclareKeyword)) continue;
        const symbol = checker.getSymbolAtLocation(m.name)!;
        lines.push(line(name, "output", symbol.name, false, tagged(symbol) || secretOutputs.has(symbol.name)));
      }
      inputs(name, propertiesOf(`${name}Args`, [file]) ?? [], secretInputs);
    }
  }

  for (const [owner, { file, name }] of Object.entries(sources.interfaces ?? {})) {
    const props = propertiesOf(name, [file]);
    if (!props) throw new Error(`${file}: no interface ${name}`);
    inputs(owner, props);
  }

  for (const file of sources.functionFiles) {
    for (const s of statementsOf(file)) {
      if (!ts.isFunctionDeclaration(s) || !s.name || !isExported(s) || !/^get[A-Z]/.test(s.name.text) || s.name.text.endsWith("Output")) continue;
      const name = s.name.text;
      const stem = name.charAt(0).toUpperCase() + name.slice(1);
      // The result's type may live in another module (a type alias of an interface elsewhere): the checker follows it.
      inputs(name, propertiesOf(`${stem}Args`, [file]) ?? []);
      const result = propertiesOf(`${stem}Result`, [file]);
      if (!result) throw new Error(`${file}: ${name} has no ${stem}Result`);
      for (const p of result) lines.push(line(name, "output", p.name, false, tagged(p)));
    }
  }
  if (sources.objectTypes) {
    const { files: typeFiles, names } = sources.objectTypes;
    const all = typeFiles.flatMap((f) => statementsOf(f).filter((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && isExported(s)).map((s) => s.name.text));
    for (const name of names ?? all) {
      const props = propertiesOf(name, typeFiles);
      if (!props) throw new Error(`no interface ${name} in ${typeFiles.join(", ")}`);
      for (const p of props) lines.push(`type ${name} property ${p.name} ${optional(p) ? "optional" : "required"}${tagged(p) ? " secret" : ""}`);
    }
  }
  return lines.sort();
}

/** The `.ts` files under `dir`, recursively, `node_modules` left out. */
export function tsFilesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts"))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !f.includes(`${path.sep}node_modules${path.sep}`))
    .sort();
}
