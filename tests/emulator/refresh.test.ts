import { connect } from "node:net";
import { startEmulator, type Emulator } from "../../emulator";
import { manualClock, ovhCall, signOvh } from "./helpers/ovh-call";

const ZONE = "/domain/zone/example.com";

describe("emulator pending changes and refresh (docs/ovh-api.md §4-§5)", () => {
  const clock = manualClock();
  let emu: Emulator;
  const ts = () => ({ timestamp: clock.seconds() });
  beforeEach(async () => {
    emu = await startEmulator({
      now: clock.now,
      refreshDurationMs: 25,
      zones: { "example.com": [{ subDomain: "www", fieldType: "A", target: "192.0.2.1" }] },
    });
  });
  afterEach(() => emu.close());

  const status = async () => ((await ovhCall(emu, "GET", `${ZONE}/status`, ts())).json as { isDeployed: boolean }).isDeployed;
  const exported = async () => (await ovhCall(emu, "GET", `${ZONE}/export`, ts())).json as string;

  test("a change is pending: GETs show it, status and export do not until a refresh", async () => {
    const before = await exported();
    const res = await ovhCall(emu, "POST", `${ZONE}/record`, { ...ts(), body: { fieldType: "A", subDomain: "api", target: "192.0.2.2" } });
    const id = (res.json as { id: number }).id;
    expect((await ovhCall(emu, "GET", `${ZONE}/record/${id}`, ts())).status).toBe(200);
    expect(await status()).toBe(false);
    expect(emu.zone("example.com").pendingChanges).toBe(true);
    expect(await exported()).toBe(before);
    expect(emu.zone("example.com").exportText()).not.toContain("api\tIN A");

    expect((await ovhCall(emu, "POST", `${ZONE}/refresh`, ts())).status).toBe(204);
    expect(emu.zone("example.com").pendingChanges).toBe(false);
    expect(await exported()).toContain("api\tIN A\t192.0.2.2");
    expect(await status()).toBe(false); // still refreshing
    clock.advance(25);
    expect(await status()).toBe(true);
  });

  test("a deletion and an update are pending too", async () => {
    const id = emu.zone("example.com").records[0].id;
    await ovhCall(emu, "PUT", `${ZONE}/record/${id}`, { ...ts(), body: { target: "192.0.2.9" } });
    expect(await exported()).toContain("www\tIN A\t192.0.2.1");
    await ovhCall(emu, "POST", `${ZONE}/refresh`, ts());
    expect(await exported()).toContain("www\tIN A\t192.0.2.9");
    clock.advance(25);
    await ovhCall(emu, "DELETE", `${ZONE}/record/${id}`, ts());
    expect(await status()).toBe(false);
    expect(await exported()).toContain("www\tIN A");
  });

  test("the zone view's published records are the records as of the last refresh, deletions included", async () => {
    const [www] = emu.zone("example.com").records;
    const published = () => emu.zone("example.com").published.map((r) => `${r.id} ${r.subDomain} ${r.target}`);
    expect(published()).toEqual([`${www.id} www 192.0.2.1`]);
    await ovhCall(emu, "DELETE", `${ZONE}/record/${www.id}`, ts());
    const res = await ovhCall(emu, "POST", `${ZONE}/record`, { ...ts(), body: { fieldType: "A", subDomain: "api", target: "192.0.2.2" } });
    expect(emu.zone("example.com").records.map((r) => r.subDomain)).toEqual(["api"]);
    expect(published()).toEqual([`${www.id} www 192.0.2.1`]);
    await ovhCall(emu, "POST", `${ZONE}/refresh`, ts());
    expect(published()).toEqual([`${(res.json as { id: number }).id} api 192.0.2.2`]);
  });

  test("a second refresh while one runs gets 409 Client::Conflict and changes nothing", async () => {
    expect((await ovhCall(emu, "POST", `${ZONE}/refresh`, ts())).status).toBe(204);
    const serial = /\((\d+) /.exec(await exported())?.[1];
    clock.advance(24);
    const second = await ovhCall(emu, "POST", `${ZONE}/refresh`, ts());
    expect([second.status, second.json]).toEqual([
      409,
      { class: "Client::Conflict", message: "A refresh of zone example.com is already running; retry when it has finished" },
    ]);
    expect(/\((\d+) /.exec(await exported())?.[1]).toBe(serial);
    clock.advance(1);
    expect((await ovhCall(emu, "POST", `${ZONE}/refresh`, ts())).status).toBe(204);
    expect(Number(/\((\d+) /.exec(await exported())?.[1])).toBe(Number(serial) + 1);
  });

  test("refreshes of different zones do not conflict", async () => {
    emu.addZone("other.net");
    expect((await ovhCall(emu, "POST", `${ZONE}/refresh`, ts())).status).toBe(204);
    expect((await ovhCall(emu, "POST", "/domain/zone/other.net/refresh", ts())).status).toBe(204);
  });
});

describe("emulator refresh concurrency by default (as the real API: only overlapping refreshes conflict)", () => {
  let emu: Emulator;
  afterEach(() => emu.close());

  test("a refresh sent right after the previous one was answered succeeds, each time", async () => {
    emu = await startEmulator({ zones: { "example.com": [] } });
    for (const target of ["192.0.2.1", "192.0.2.2", "192.0.2.3"]) {
      expect((await ovhCall(emu, "POST", `${ZONE}/record`, { body: { fieldType: "A", subDomain: "www", target } })).status).toBe(200);
      expect((await ovhCall(emu, "POST", `${ZONE}/refresh`)).status).toBe(204);
      expect((await ovhCall(emu, "POST", `${ZONE}/refresh`)).status).toBe(204);
    }
    expect(emu.count({ path: `${ZONE}/refresh`, status: 204 })).toBe(6);
    expect(((await ovhCall(emu, "GET", `${ZONE}/status`)).json as { isDeployed: boolean }).isDeployed).toBe(true);
  });

  test("of two overlapping refreshes of a zone, one gets 409 and one deploys", async () => {
    // The latency keeps each refresh "running" for 500 ms, so two sent together overlap.
    emu = await startEmulator({ zones: { "example.com": [] }, faults: { latencyMs: 500 } });
    const statuses = await Promise.all([ovhCall(emu, "POST", `${ZONE}/refresh`), ovhCall(emu, "POST", `${ZONE}/refresh`)]);
    expect(statuses.map((r) => r.status).sort()).toEqual([204, 409]);
    expect(statuses.find((r) => r.status === 409)?.json).toEqual({
      class: "Client::Conflict",
      message: "A refresh of zone example.com is already running; retry when it has finished",
    });
    expect((await ovhCall(emu, "POST", `${ZONE}/refresh`)).status).toBe(204); // the overlap is over
  });

  test("overlapping refreshes of two zones both succeed, and a zone named in another case is the same zone", async () => {
    emu = await startEmulator({ zones: { "example.com": [], "other.net": [] }, faults: { latencyMs: 500 } });
    const [one, two] = await Promise.all([ovhCall(emu, "POST", `${ZONE}/refresh`), ovhCall(emu, "POST", "/domain/zone/other.net/refresh")]);
    expect([one.status, two.status]).toEqual([204, 204]);
    const same = await Promise.all([ovhCall(emu, "POST", `${ZONE}/refresh`), ovhCall(emu, "POST", "/domain/zone/Example.COM/refresh")]);
    expect(same.map((r) => r.status).sort()).toEqual([204, 409]);
  });
});

describe("emulator refresh from a slow or vanished client", () => {
  let emu: Emulator;
  afterEach(() => emu.close());

  /** A signed refresh whose 2-byte body `{}` is sent only when `finish` is called. */
  function heldRefresh(): { finish(): Promise<string>; abort(): void } {
    const c = emu.credentials;
    const ts = String(Math.floor(Date.now() / 1000));
    const url = `${emu.origin}/1.0${ZONE}/refresh`;
    const socket = connect(emu.port, "127.0.0.1");
    let answer = "";
    const closed = new Promise<string>((resolve) => socket.on("close", () => resolve(answer)));
    socket.on("data", (d: Buffer) => (answer += d.toString()));
    socket.on("error", () => undefined);
    socket.write(
      `POST /1.0${ZONE}/refresh HTTP/1.1\r\nHost: 127.0.0.1:${emu.port}\r\nX-Ovh-Application: ${c.applicationKey}\r\n` +
        `X-Ovh-Consumer: ${c.consumerKey}\r\nX-Ovh-Timestamp: ${ts}\r\nX-Ovh-Signature: ${signOvh(c.applicationSecret, c.consumerKey, "POST", url, "{}", ts)}\r\n` +
        "Content-Length: 2\r\nConnection: close\r\n\r\n",
    );
    return {
      finish: () => {
        socket.write("{}");
        return closed;
      },
      abort: () => socket.destroy(),
    };
  }

  test("a refresh whose body has not all arrived is not running yet: another one succeeds meanwhile", async () => {
    emu = await startEmulator({ zones: { "example.com": [] } });
    const held = heldRefresh();
    expect((await ovhCall(emu, "POST", `${ZONE}/refresh`)).status).toBe(204);
    expect(await held.finish()).toMatch(/^HTTP\/1\.1 204 /);
  });

  test("a refresh abandoned mid-body leaves the zone free", async () => {
    emu = await startEmulator({ zones: { "example.com": [] } });
    heldRefresh().abort();
    expect((await ovhCall(emu, "POST", `${ZONE}/refresh`)).status).toBe(204);
    expect(emu.count({ path: `${ZONE}/refresh` })).toBe(1); // the abandoned one is not logged: it never arrived whole
  });
});
