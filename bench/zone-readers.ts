/**
 * `npm run bench:zone` (`npm run build` first): how fast `Zone.fromBind` and `Zone.fromYaml` read, declare and
 * check zones of 1,000, 10,000 and 50,000 records (the default `maxRecords`), and their peak memory. Each row runs
 * in a process of its own, so its peak RSS (VmHWM) is that row's alone; the file is written beforehand and read
 * from disk, as a program would. Writes the `zoneReaders` part of bench/results.json (README: `npm run bench:readme`).
 * Goal (issue #19): 50,000 records read and checked in under 2 s and 300 MB, judged on the process's CPU time
 * (the machine is shared: its wall time is mostly other work's) and its own peak RSS.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readProcessStats } from "./process-stats";
import { runMeta, writeResultsPart, type RunMeta } from "./results-file";
import { duration, markdownTable, verdict } from "./table";

/** One row: a format and a size. */
export interface ZoneReaderRow {
  format: "bind" | "yaml";
  records: number;
  fileBytes: number;
  /** Read, declared (each record's check) and checked as a whole, ms of wall time. */
  ms: number;
  /** The same, ms of CPU time of the process (user + system): what the machine's other work changes least. */
  cpuMs: number;
  peakRssBytes: number;
}

/** The `zoneReaders` part of bench/results.json. */
export interface ZoneReaderResults {
  rows: ZoneReaderRow[];
  meta: RunMeta;
}

const SIZES = [1_000, 10_000, 50_000];
const GOAL = { records: 50_000, ms: 2_000, rssBytes: 300 * 1024 * 1024 };
const DIST = path.resolve(__dirname, "../dist/sdk/zone");

/** A zone of `n` records of the common types, most names holding a few records, as zones do. */
function zoneRecords(n: number): { subDomain: string; fieldType: string; target: string; ttl: number }[] {
  const shapes: ((i: number) => { fieldType: string; target: string; prefix?: string })[] = [
    (i: number) => ({ fieldType: "A", target: `198.51.${(i >> 8) & 255}.${i & 255}` }),
    (i: number) => ({ fieldType: "AAAA", target: `2001:db8::${i.toString(16)}` }),
    (i: number) => ({ fieldType: "MX", target: `10 mx${i}.example.net.` }),
    (i: number) => ({ fieldType: "TXT", target: `v=spf1 ip4:192.0.2.${i & 255} include:_spf${i}.example.net -all` }),
    (i: number) => ({ fieldType: "SRV", target: `10 5 5060 sip${i}.example.net.`, prefix: "_sip._tcp." }),
    (i: number) => ({ fieldType: "CAA", target: `0 issue "ca${i}.example.net"` }),
  ];
  return Array.from({ length: n }, (_, i) => {
    const { prefix = "", ...data } = shapes[i % shapes.length](i);
    return { subDomain: `${prefix}host${Math.floor(i / shapes.length)}`, ttl: 3600, ...data };
  });
}

function bindText(n: number): string {
  return `$ORIGIN example.com.\n$TTL 3600\n${zoneRecords(n).map((r) => `${r.subDomain} ${r.ttl} IN ${r.fieldType} ${r.fieldType === "TXT" ? JSON.stringify(r.target) : r.target}`).join("\n")}\n`;
}

function yamlText(n: number): string {
  return `zoneName: example.com\nrecords:\n${zoneRecords(n).map((r, i) => `  r${i}: { subDomain: ${r.subDomain}, fieldType: ${r.fieldType}, target: ${JSON.stringify(r.target)}, ttl: ${r.ttl} }`).join("\n")}\n`;
}

/** In the child: reads, declares and checks `file`, prints the time and the peak RSS as JSON. */
function child(format: string, file: string): void {
  const { readBindZone } = require(path.join(DIST, "bind-parser")) as typeof import("../sdk/zone/bind-parser");
  const { readYamlZone } = require(path.join(DIST, "yaml-source")) as typeof import("../sdk/zone/yaml-source");
  const { declareRecords } = require(path.join(DIST, "records")) as typeof import("../sdk/zone/records");
  const { checkZone } = require(path.join(DIST, "checks")) as typeof import("../sdk/zone/checks");
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const zone = format === "bind" ? readBindZone(file) : readYamlZone(file);
  const problems = checkZone(zone.zoneName, declareRecords(zone.zoneName, zone.records));
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  if (problems.length > 0) throw new Error(`the bench zone has problems: ${problems.slice(0, 3).join("; ")}`);
  process.stdout.write(JSON.stringify({ ms, cpuMs, records: zone.records.length, peakRssBytes: readProcessStats().peakRssBytes }));
}

function measure(format: "bind" | "yaml", records: number, dir: string): ZoneReaderRow {
  const file = path.join(dir, `zone-${records}.${format === "bind" ? "db" : "yaml"}`);
  fs.writeFileSync(file, format === "bind" ? bindText(records) : yamlText(records));
  const out = execFileSync(process.execPath, [...process.execArgv, __filename, "--child", format, file], { encoding: "utf8", maxBuffer: 1 << 20 });
  const result = JSON.parse(out) as { ms: number; cpuMs: number; records: number; peakRssBytes: number };
  if (result.records !== records) throw new Error(`read ${result.records} records of ${records}`);
  return { format, records, fileBytes: fs.statSync(file).size, ms: result.ms, cpuMs: result.cpuMs, peakRssBytes: result.peakRssBytes };
}

/** The README's table of the readers. */
export function renderZoneReaders(results: ZoneReaderResults): string {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const rows = results.rows.map((r) => [
    r.format === "bind" ? "BIND (`Zone.fromBind`)" : "YAML (`Zone.fromYaml`)", r.records.toLocaleString("en-US"), mb(r.fileBytes), duration(r.ms),
    duration(r.cpuMs), Math.round((r.records / r.ms) * 1000).toLocaleString("en-US"), mb(r.peakRssBytes),
    r.records === GOAL.records ? verdict(r.cpuMs < GOAL.ms && r.peakRssBytes < GOAL.rssBytes, "< 2 s and < 300 MB") : "",
  ]);
  return [
    "#### Zone readers: read, each record checked, the zone checked as a whole (`npm run bench:zone`, one process a row)",
    markdownTable(["format", "records", "file", "wall time", "CPU time", "records/s (wall)", "peak RSS", "goal at 50,000 (CPU time, peak RSS)"], rows),
  ].join("\n");
}

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-zone-"));
  try {
    const rows: ZoneReaderRow[] = [];
    for (const format of ["bind", "yaml"] as const) {
      for (const records of SIZES) {
        rows.push(measure(format, records, dir));
        process.stderr.write(`bench:zone: ${format} ${records} records: ${duration(rows[rows.length - 1].ms)}\n`);
      }
    }
    const results: ZoneReaderResults = { rows, meta: runMeta("bench:zone", process.argv.slice(2)) };
    writeResultsPart("zoneReaders", results);
    process.stdout.write(renderZoneReaders(results) + "\n");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const at = process.argv.indexOf("--child");
  if (at >= 0) child(process.argv[at + 1], process.argv[at + 2]);
  else main();
}
