/**
 * Seeded generator of malformed, oversized and hostile requests for the emulator fuzz. Each
 * case is built when drawn (so signed ones carry a fresh timestamp); the same seed draws the
 * same sequence of cases.
 */
import { signOvh } from "./ovh-call";
import type { Chunk } from "./raw-http";

/** What a case needs to know about the emulator it targets. */
export interface FuzzTarget {
  port: number;
  origin: string;
  applicationKey: string;
  applicationSecret: string;
  consumerKey: string;
  zone: string;
  recordId: number;
}

/** One request to send. */
export interface FuzzCase {
  /** Category and a short description, for the failure report. */
  name: string;
  chunks: Chunk[];
  /** Close the socket after the last chunk: the server must drop the request quietly. */
  abort?: boolean;
  /** A HEAD request: its answers carry no body (RFC 9110 §9.3.2). */
  head?: boolean;
}

/** mulberry32, as small as a test PRNG can be. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE = [
  "", " ", "\n", "\r\n", "\u0000", "\t", "a".repeat(64), "a".repeat(300), "-x", "x-", "..", ".", "*", "*.*", "é", "☕",
  "\ud800", "%00", "%2e%2e", "../../etc/passwd", "<script>alert(1)</script>", '"', "\\", "${x}", "__proto__",
  "constructor", "toString", "1e400", "-1", "0", "9".repeat(40), "x".repeat(70_000), "a\nb IN A 192.0.2.66",
];
const PATH_PIECES = ["..", ".", "%2e%2e", "%2E.", "%00", "%", "%zz", "%c0%af", "%2F", "", "record", "zone", "domain", "refresh", "export", "status", "*", ";x", "%20", "+", "~", "a".repeat(5000), "0005390038375", "5390038375", "-1", "1e3", "__proto__"];
const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];
const FIELD_TYPES = ["A", "AAAA", "CNAME", "MX", "SRV", "CAA", "TXT", "DKIM", "DMARC", "NS", "PTR", "HINFO", "a", ""];

/** Draws cases for `target` from `seed`. */
export class FuzzCases {
  private readonly random: () => number;

  constructor(
    seed: number,
    private readonly target: FuzzTarget,
  ) {
    this.random = prng(seed);
  }

  /** The next case. */
  next(): FuzzCase {
    const kinds = [() => this.badPath(), () => this.badHeaders(), () => this.badBody(), () => this.malformed(), () => this.slow(), () => this.aborted()];
    return this.pick(kinds)();
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  private int(max: number): number {
    return Math.floor(this.random() * max);
  }

  private badPath(): FuzzCase {
    const prefix = this.pick(["/1.0", "/v1", "", "/1.0/..", "//1.0", "/2.0", "/1.0/domain/zone/" + this.target.zone]);
    const pieces = Array.from({ length: 1 + this.int(5) }, () => this.pick(PATH_PIECES));
    const query = this.random() < 0.3 ? `?${this.pick(["subDomain=%00", "fieldType=A&fieldType=B", "x", "=", "&&", "subDomain=" + "a".repeat(3000), "%zz=1"])}` : "";
    const method = this.pick(METHODS);
    const bytes = this.request(method, `${prefix}/${pieces.join("/")}${query}`, "");
    return { name: `path ${method} ${prefix}/${pieces.join("/").slice(0, 60)}${query.slice(0, 30)}`, chunks: [{ bytes }], head: method === "HEAD" };
  }

  private badHeaders(): FuzzCase {
    const target = `/1.0/domain/zone/${this.target.zone}/record`;
    const variants: [string, () => [string, string][]][] = [
      ["a bad signature", () => this.signed("GET", target, "", { signature: "$1$" + "0".repeat(40) })],
      ["a timestamp that is not a number", () => this.signed("GET", target, "", { timestamp: this.pick(["", "abc", "-1", "1e400", "9".repeat(30), "1.5", " 1"]) })],
      ["a timestamp far away", () => this.signed("GET", target, "", { timestamp: String(Math.floor(Date.now() / 1000) + this.pick([-86400, 3600, 1e9])) })],
      ["no consumer key", () => this.signed("GET", target, "").filter(([name]) => name !== "X-Ovh-Consumer")],
      ["an unknown application", () => this.signed("GET", target, "", { applicationKey: this.pick(HOSTILE.filter((h) => !/[\r\n\u0000]/.test(h) && !/[^\x20-\x7e]/.test(h))) })],
      ["a 20 KiB header", () => [...this.signed("GET", target, ""), ["X-Padding", "p".repeat(20_000)]]],
      ["300 headers", () => [...this.signed("GET", target, ""), ...Array.from({ length: 300 }, (_, i): [string, string] => [`X-H${i}`, "v".repeat(40)])]],
      ["a doubled consumer key", () => [...this.signed("GET", target, ""), ["X-Ovh-Consumer", "other"]]],
      ["a garbage bearer", () => [["Authorization", `Bearer ${this.pick(["", "x", "a".repeat(5000), "%00"])}`]]],
      ["a garbage basic auth", () => [["Authorization", `Basic ${this.pick(["", "%%%", "Og==", Buffer.from("%zz:%zz").toString("base64")])}`]]],
      ["a strange host", () => [...this.signed("GET", target, ""), ["Host", this.pick(["", "[", "a:b:c", "x".repeat(3000)])]]],
    ];
    const [name, headers] = this.pick(variants);
    return { name: `headers: ${name}`, chunks: [{ bytes: this.request("GET", target, "", headers()) }] };
  }

  private badBody(): FuzzCase {
    const record = `/1.0/domain/zone/${this.target.zone}/record`;
    const [method, target] = this.pick([
      ["POST", record],
      ["PUT", `${record}/${this.target.recordId}`],
      ["POST", "/1.0/auth/credential"],
      ["POST", `/1.0/domain/zone/${this.target.zone}/refresh`],
      ["POST", "/auth/oauth2/token"],
      ["POST", "/auth/"],
    ] as const);
    const body = this.body();
    const headers = target.startsWith("/1.0/auth/credential") ? [["X-Ovh-Application", this.target.applicationKey] as [string, string]] : this.signed(method, target, body);
    return { name: `body ${method} ${target.slice(0, 40)} ${JSON.stringify(body.slice(0, 40))}`, chunks: [{ bytes: this.request(method, target, body, headers) }] };
  }

  private body(): string {
    const text = () => this.pick(HOSTILE);
    const bodies = [
      () => JSON.stringify({ fieldType: this.pick(FIELD_TYPES), subDomain: text(), target: text(), ttl: this.pick([0, -1, 1e400, 2 ** 63, "60", null, 1.5]) }),
      () => JSON.stringify({ target: text(), subDomain: text() }),
      () => JSON.stringify({ accessRules: [{ method: this.pick(METHODS), path: `/${"*a".repeat(this.int(50))}*b` }], redirection: text() }),
      () => this.pick(['{"fieldType":"A",', "[1,2", "nul", "{}}", '{"a":1e99999}', '{"__proto__":{"x":1},"fieldType":"A","target":"192.0.2.1"}']),
      () => "[".repeat(10_000 + this.int(90_000)),
      () => "[".repeat(5000) + "]".repeat(5000),
      () => JSON.stringify({ fieldType: "TXT", target: "y".repeat(900 * 1024) }),
      () => "x".repeat(1024 * 1024 + 1 + this.int(1000)),
      () => Buffer.from(Array.from({ length: 64 }, () => this.int(256))).toString("latin1"),
      () => `credentialToken=${text()}&action=${text()}`,
      () => `grant_type=client_credentials&client_id=${text()}&client_secret=${this.pick(["x", "%zz", "%E0%A4%A"])}`,
    ];
    return this.pick(bodies)();
  }

  private malformed(): FuzzCase {
    const raw = this.pick([
      "GET\r\n\r\n",
      "G ET /1.0/auth/time HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /1.0/auth/time HTTP/9.9\r\nHost: x\r\n\r\n",
      "GET /1.0/auth/time HTTP/1.1\r\nNoColonHere\r\n\r\n",
      "GET /1.0/auth/time HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0000b\r\n\r\n",
      "GET /1.0/auth/time HTTP/1.1\nHost: x\n\n",
      "POST /1.0/auth/time HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
      "POST /1.0/auth/time HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      "POST /1.0/auth/time HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
      "GET /1.0/\u00e9 HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET http://evil.example/1.0/auth/time HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      "GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003", // a TLS ClientHello start
    ]);
    return { name: `malformed ${JSON.stringify(raw.slice(0, 40))}`, chunks: [{ bytes: Buffer.from(raw, "latin1") }] };
  }

  private slow(): FuzzCase {
    const target = `/1.0/domain/zone/${this.target.zone}/record`;
    const body = JSON.stringify({ fieldType: "TXT", subDomain: "slow", target: "x" });
    const bytes = this.request("POST", target, body, this.signed("POST", target, body));
    const cut = 1 + this.int(bytes.length - 1);
    const pauseMs = 20 + this.int(150);
    return { name: `slow client, ${cut} bytes then ${pauseMs} ms`, chunks: [{ bytes: bytes.subarray(0, cut) }, { bytes: bytes.subarray(cut), pauseMs }] };
  }

  private aborted(): FuzzCase {
    const target = `/1.0/domain/zone/${this.target.zone}/${this.pick(["record", "refresh"])}`;
    const head = `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1:${this.target.port}\r\nContent-Length: 100\r\n\r\n{"fieldType":`;
    return { name: `aborted mid-body ${target}`, chunks: [{ bytes: Buffer.from(head) }], abort: true };
  }

  /** Headers of a validly signed call, with overrides to spoil one part. */
  private signed(method: string, target: string, body: string, spoil: { signature?: string; timestamp?: string; applicationKey?: string } = {}): [string, string][] {
    const t = this.target;
    const timestamp = spoil.timestamp ?? String(Math.floor(Date.now() / 1000));
    const signature = spoil.signature ?? signOvh(t.applicationSecret, t.consumerKey, method, `${t.origin}${target}`, body, timestamp);
    return [
      ["X-Ovh-Application", spoil.applicationKey ?? t.applicationKey],
      ["X-Ovh-Consumer", t.consumerKey],
      ["X-Ovh-Timestamp", timestamp],
      ["X-Ovh-Signature", signature],
    ];
  }

  private request(method: string, target: string, body: string, headers: [string, string][] = []): Buffer {
    const payload = Buffer.from(body, "utf8");
    const lines = [`${method} ${target} HTTP/1.1`, ...(headers.some(([n]) => n === "Host") ? [] : [`Host: 127.0.0.1:${this.target.port}`])];
    for (const [name, value] of headers) lines.push(`${name}: ${value}`);
    if (body !== "") lines.push("Content-Type: application/json", `Content-Length: ${payload.length}`);
    lines.push("Connection: close");
    return Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1"), payload]);
  }
}
