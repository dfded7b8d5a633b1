import { UNKNOWN, isSecret } from "../plugin-host/sentinels";
import type { PropertyMap } from "../plugin-host/struct";
import { PROVIDER_KEY } from "./property-diff";
import type { Operation, PropertyChange, Step, Summary } from "./types";

/** Which operation printed the plan. */
export type RunKind = "preview" | "up" | "refresh" | "destroy";

const HEADERS: Record<RunKind, string> = { preview: "Previewing update", up: "Updating", refresh: "Refreshing", destroy: "Destroying" };
const SYMBOLS: Record<Operation, string> = { create: "+", update: "~", replace: "+-", delete: "-", same: " ", read: ">", import: "=" };
const COUNTED: [keyof Summary, string, string][] = [
  ["create", "to create", "created"],
  ["update", "to update", "updated"],
  ["replace", "to replace", "replaced"],
  ["delete", "to delete", "deleted"],
  ["read", "to read", "read"],
  ["import", "to import", "imported"],
];

/** Counts the steps by operation. */
export function summarize(steps: Step[]): Summary {
  const summary: Summary = { create: 0, update: 0, replace: 0, delete: 0, same: 0, read: 0, import: 0 };
  for (const step of steps) summary[step.op] += 1;
  return summary;
}

/**
 * The type as shown: `pulumi-nodejs:dynamic/ovhdns:ZoneRecord` becomes `ovhdns:ZoneRecord`. (The CLI shows
 * the full token, in a column layout `+   <type>  <name>  create`; this one puts the operation first.)
 */
export function displayType(type: string): string {
  return type.replace(/^pulumi-nodejs:dynamic\//, "").replace(/^pulumi-nodejs:/, "");
}

/** A value as shown: `[secret]` for secrets, `output<string>` for unknowns, else JSON. */
export function displayValue(v: unknown, secret = false): string {
  if (secret || isSecret(v)) return "[secret]";
  if (v === UNKNOWN) return "output<string>";
  return JSON.stringify(v);
}

function changeLine(c: PropertyChange): string {
  if (c.kind === "add") return `    + ${c.key}: ${displayValue(c.new, c.secret)}`;
  if (c.kind === "delete") return `    - ${c.key}: ${displayValue(c.old, c.secret)}`;
  return `    ~ ${c.key}: ${displayValue(c.old, c.secret)} => ${displayValue(c.new, c.secret)}`;
}

/** The lines of one step: the step line, then its changed properties. Unchanged resources print nothing. */
export function stepLines(step: Step): string[] {
  if (step.op === "same") return [];
  const diff = step.op === "replace" && step.replaceKeys.length > 0 ? `  [diff: ~${step.replaceKeys.join(",")}]` : "";
  return [`${SYMBOLS[step.op]} ${step.op}  ${displayType(step.type)}  ${step.name}${diff}`, ...step.changes.map(changeLine)];
}

/** `Resources: 2 to create, 1 to update, 3 unchanged` (preview) or `Resources: 2 created, 3 unchanged`. */
export function summaryLine(summary: Summary, preview: boolean): string {
  const parts = COUNTED.filter(([k]) => summary[k] > 0).map(([k, future, past]) => `${summary[k]} ${preview ? future : past}`);
  if (summary.same > 0) parts.push(`${summary.same} unchanged`);
  return `Resources: ${parts.length > 0 ? parts.join(", ") : "none"}`;
}

/** Everything a run prints. */
export interface PrintArgs {
  kind: RunKind;
  stack: string;
  steps: Step[];
  /** Stack outputs, secrets wrapped. */
  outputs: PropertyMap;
  diagnostics: string[];
  error?: string;
}

/** Prints a run the way `pulumi preview` / `pulumi up` do, without ever showing a secret or `__provider`. */
export function printPlan(args: PrintArgs): string {
  const lines = [`${HEADERS[args.kind]} (${args.stack}):`, ...args.steps.flatMap(stepLines)];
  const outputs = Object.entries(args.outputs).filter(([k]) => k !== PROVIDER_KEY);
  if (outputs.length > 0) {
    lines.push("Outputs:", ...outputs.map(([k, v]) => `    ${k}: ${displayValue(v)}`));
  }
  lines.push(summaryLine(summarize(args.steps), args.kind === "preview"));
  if (args.diagnostics.length > 0) lines.push("Diagnostics:", ...args.diagnostics.map((d) => `    ${d}`));
  if (args.error) lines.push(...args.error.split("\n").map((l) => `error: ${l}`));
  return lines.join("\n") + "\n";
}
