/**
 * What `Zone.fromYaml` needs of a records file, whichever reader read it (yaml-fast.ts for the shape most files
 * have, yaml-full.ts through the `yaml` package for any other): the nodes the checks of yaml-source.ts look at,
 * each with its line. Both readers give the same tree for the same file (tests/zone/yaml-fast.test.ts).
 */

/** A node: a scalar (its value and its text), a map (its pairs), a list (its items), or anything else (an alias). */
export interface YamlTreeNode {
  kind: "scalar" | "map" | "seq" | "other";
  /** The line the node starts at (1 when the parser gave it no position). */
  line: number;
  /** A scalar's value by YAML 1.2's core schema: `1.10` is 1.1, `true` a boolean, an empty value null. */
  value?: unknown;
  /** A scalar as written: a plain scalar's text (`1.10`), a quoted one's value. */
  text?: unknown;
  /** A map's pairs; only down to the depth the checks read (records, a record, its fields). */
  pairs?: YamlTreePair[];
  /** A list's items; as deep as `pairs`. */
  items?: YamlTreeNode[];
}

/** A map's pair. */
export interface YamlTreePair {
  /** Whether the key is a scalar (a key may be a collection or an alias in YAML). */
  keyIsScalar: boolean;
  /** The key's value by the core schema, when a scalar: duplicate keys are keys of equal value. */
  key: unknown;
  /** The key as a label in messages: `String(value)`, "undefined" for a key without a value. */
  label: string;
  keyLine: number;
  /** Absent for a key without a value (`? key`). */
  value?: YamlTreeNode;
}

