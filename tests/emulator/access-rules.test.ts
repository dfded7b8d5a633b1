import { globMatches, isCallGranted } from "../../emulator/auth/access-rules";
import { startEmulator } from "../../emulator";
import { ovhCall } from "./helpers/ovh-call";

describe("access-rule glob semantics (docs/ovh-api.md §3)", () => {
  test.each([
    ["/*", "/domain/zone/example.com/record/1", true],
    ["/domain/zone/*", "/domain/zone/example.com", true],
    ["/domain/zone/*", "/domain/zone/example.com/record/1", true],
    ["/domain/zone/*", "/domain/zone", false],
    ["/domain/zone/example.com", "/domain/zone/example.com/record", false],
    ["/domain/zone/*/record", "/domain/zone/example.com/record", true],
    ["/domain/zone/*/record", "/domain/zone/example.com/record/1", false],
    ["/domain/zone/example.com/record*", "/domain/zone/example.com/record/1", true],
    ["/domain/zone/example.com/record*", "/domain/zone/example.com/refresh", false],
    ["/domain/zone/Example.com/*", "/domain/zone/example.com/status", false],
    ["/domain/zone/ex.mple.com", "/domain/zone/exxmple.com", false],
    ["/domain/zone/(a)+", "/domain/zone/(a)+", true],
  ])("rule path %s vs %s -> %s", (glob, path, expected) => {
    expect(globMatches(glob, path)).toBe(expected);
  });

  test("ignores the query string and requires the same method", () => {
    const rules = [{ method: "GET", path: "/domain/zone/*/record" }];
    expect(isCallGranted(rules, "GET", "/domain/zone/x.com/record?fieldType=A")).toBe(true);
    expect(isCallGranted(rules, "POST", "/domain/zone/x.com/record")).toBe(false);
  });

  test("answers 403 'This call has not been granted' over the wire, /auth calls are exempt", async () => {
    const emu = await startEmulator({
      zones: { "example.com": [] },
      defaultCredentials: { applicationKey: "AK", applicationSecret: "AS" },
      consumerKeys: [{ consumerKey: "READONLY", applicationKey: "AK", rules: [{ method: "GET", path: "/domain/zone/*" }] }],
    });
    try {
      const granted = await ovhCall(emu, "GET", "/domain/zone/example.com/record?fieldType=A", { consumerKey: "READONLY" });
      expect(granted.status).toBe(200);
      const list = await ovhCall(emu, "GET", "/domain/zone", { consumerKey: "READONLY" });
      expect([list.status, list.json]).toEqual([403, { class: "Client::Forbidden", message: "This call has not been granted" }]);
      const post = await ovhCall(emu, "POST", "/domain/zone/example.com/refresh", { consumerKey: "READONLY" });
      expect(post.status).toBe(403);
      expect((await ovhCall(emu, "GET", "/auth/currentCredential", { consumerKey: "READONLY" })).status).toBe(200);
      expect(emu.zone("example.com").pendingChanges).toBe(false);
    } finally {
      await emu.close();
    }
  });

  test("legacy format names NOT_GRANTED_CALL", async () => {
    const emu = await startEmulator({
      errorFormat: "legacy",
      defaultCredentials: { applicationKey: "AK", applicationSecret: "AS" },
      consumerKeys: [{ consumerKey: "NONE", applicationKey: "AK", rules: [{ method: "GET", path: "/me" }] }],
    });
    try {
      expect((await ovhCall(emu, "GET", "/domain", { consumerKey: "NONE" })).json).toEqual({
        errorCode: "NOT_GRANTED_CALL",
        httpCode: "403 Forbidden",
        message: "This call has not been granted",
      });
    } finally {
      await emu.close();
    }
  });
});

describe("access-rule glob matching is not a way to stall the server", () => {
  const PATHOLOGICAL = `/${"*a".repeat(40)}*b`;
  const LONG_PATH = `/${"a".repeat(5000)}`;

  test.each([
    [PATHOLOGICAL, LONG_PATH, false],
    [PATHOLOGICAL, `${LONG_PATH}b`, true],
    [`/${"*a".repeat(40)}*`, LONG_PATH, true],
    [`/${"*a".repeat(40)}`, `/${"a".repeat(39)}`, false],
    ["/**", "/", true],
    ["*", "", true],
    ["", "", true],
    ["", "/", false],
    ["/a*b*c", "/abxbyc", true],
    ["/a*b*c", "/abxbycd", false],
    ["/*record", "/domain/zone/x/record/record", true],
  ])("%# glob of %i characters", (glob, text, expected) => {
    expect(globMatches(glob, text)).toBe(expected);
  });

  test("a consumer key with a pathological rule gets its answer over the wire", async () => {
    const emu = await startEmulator({
      zones: { "example.com": [] },
      defaultCredentials: { applicationKey: "AK", applicationSecret: "AS" },
      consumerKeys: [{ consumerKey: "GREEDY", applicationKey: "AK", rules: [{ method: "GET", path: PATHOLOGICAL }] }],
    });
    try {
      const path = `/domain/zone/${"a".repeat(2000)}`;
      const res = await ovhCall(emu, "GET", path, { consumerKey: "GREEDY" });
      expect([res.status, res.json]).toEqual([403, { class: "Client::Forbidden", message: "This call has not been granted" }]);
      expect((await ovhCall(emu, "GET", "/domain/zone/example.com")).status).toBe(200); // still serving
    } finally {
      await emu.close();
    }
  });
});
