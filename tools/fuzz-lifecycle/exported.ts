/**
 * What `pulumi-ovh-dns export --format yaml` wrote, as the fuzzer's program declares it. Two shapes are read: a
 * `records:` map whose entries each say `adopt: true` (one top-level ZoneRecord each, named by its key), and the
 * Zone-level shape `Zone.fromYaml` reads (`adopt: true` once at the top: one adopting Zone of those records).
 */
import { parse } from "yaml";
import type { FuzzFieldType, FuzzRecord, TopRecord, ZoneDeclaration } from "./model";

interface ExportedEntry {
  subDomain: string;
  fieldType: FuzzFieldType;
  target: string;
  ttl: number;
  adopt?: boolean;
}

/** The declaration an exported file stands for: top-level records, or a Zone named `zoneName`. */
export type ExportedDeclaration = { top: TopRecord[]; zone?: undefined } | { top: []; zone: ZoneDeclaration };

/** Reads an exported YAML file. */
export function declarationFromExport(text: string, zoneName: string): ExportedDeclaration {
  const file = parse(text) as { adopt?: boolean; records?: Record<string, ExportedEntry> | null };
  const entries = Object.entries(file.records ?? {});
  const record = (e: ExportedEntry): FuzzRecord => ({ subDomain: e.subDomain, fieldType: e.fieldType, target: e.target, ttl: e.ttl });
  if (file.adopt === true) return { top: [], zone: { name: zoneName, adopt: true, unmanaged: "warn", records: entries.map(([, e]) => record(e)) } };
  return { top: entries.map(([name, e]) => ({ ...record(e), name, adopt: e.adopt === true })) };
}
