/**
 * Runs an exported TypeScript program without Pulumi: transpiled, then evaluated in a sandbox whose only module
 * is `pulumi-ovh-dns` with a `ZoneRecord` that records what it is given. What the program declared, and any
 * global it set (record data that escaped its comment or string would run and could set one), come back.
 */
import * as vm from "node:vm";
import ts from "typescript";

/** What an exported program did when run. */
export interface ProgramRun {
  /** The transpiler's syntax errors (a raw U+2028 in a string literal is one). */
  diagnostics: string[];
  /** One entry per `new ovhdns.ZoneRecord(name, args)`: `{ name, ...args }`. */
  declared: Record<string, unknown>[];
  /** Globals the program set. */
  globals: string[];
}

/** Transpiles `text` (TypeScript) to CommonJS and runs it in a sandbox. */
export function runExportedProgram(text: string): ProgramRun {
  const out = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 }, reportDiagnostics: true });
  const declared: Record<string, unknown>[] = [];
  class ZoneRecord {
    constructor(name: string, args: Record<string, unknown>) {
      declared.push({ name, ...args });
    }
  }
  const sandbox: Record<string, unknown> = {
    exports: {},
    require: (id: string) => {
      if (id !== "pulumi-ovh-dns") throw new Error(`the program required ${id}`);
      return { ZoneRecord };
    },
  };
  const before = new Set(Object.keys(sandbox));
  vm.runInNewContext(out.outputText, sandbox);
  return {
    diagnostics: (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")),
    declared,
    globals: Object.keys(sandbox).filter((k) => !before.has(k)),
  };
}
