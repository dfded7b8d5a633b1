import { request, Agent } from "node:http";
import { startEmulator } from "../../emulator";
import { ovhCall } from "./helpers/ovh-call";

describe("emulator lifecycle", () => {
  test("listens on 127.0.0.1 and exposes url, origin, port and a working credential set", async () => {
    const emu = await startEmulator();
    try {
      expect(emu.origin).toBe(`http://127.0.0.1:${emu.port}`);
      expect(emu.url).toBe(`${emu.origin}/1.0`);
      expect(emu.credentials.endpoint).toBe(emu.url);
      expect(emu.credentials.applicationKey).toMatch(/^[A-Za-z0-9]{16}$/);
      expect(emu.credentials.consumerKey).toMatch(/^[A-Za-z0-9]{32}$/);
      expect((await ovhCall(emu, "GET", "/auth/currentCredential")).json).toMatchObject({
        status: "validated",
        rules: [
          { method: "GET", path: "/*" },
          { method: "POST", path: "/*" },
          { method: "PUT", path: "/*" },
          { method: "DELETE", path: "/*" },
        ],
      });
    } finally {
      await emu.close();
    }
  });

  test("close() ends idle keep-alive connections", async () => {
    const emu = await startEmulator();
    const agent = new Agent({ keepAlive: true });
    const closed = new Promise<void>((resolve, reject) => {
      const req = request(`${emu.url}/auth/time`, { agent }, (res) => res.resume());
      req.on("socket", (socket) => socket.once("close", () => resolve()));
      req.on("error", reject);
      req.end();
    });
    // The answer has come back and the socket idles in the agent's pool until the emulator closes.
    await new Promise<void>((resolve) => agent.once("free", () => resolve()));
    await emu.close();
    await closed;
    agent.destroy();
  }, 5000);

  test("addZone creates a deployed zone, zone() throws for an unknown one", async () => {
    const emu = await startEmulator();
    try {
      emu.addZone("new.org", [{ fieldType: "TXT", target: "hi", ttl: 30 }]);
      expect(emu.zone("new.org").records).toMatchObject([{ fieldType: "TXT", subDomain: "", target: '"hi"', ttl: 60 }]);
      expect(emu.zone("new.org").pendingChanges).toBe(false);
      expect(() => emu.zone("none.org")).toThrow("no zone named none.org");
      expect((await ovhCall(emu, "GET", "/domain/zone")).json).toEqual(["new.org"]);
    } finally {
      await emu.close();
    }
  });

  test("publicOrigin makes the emulator verify signatures made for the real endpoint", async () => {
    const emu = await startEmulator({ publicOrigin: "https://eu.api.ovh.com/" });
    try {
      const signUrl = "https://eu.api.ovh.com/1.0/domain";
      expect((await ovhCall(emu, "GET", "/domain", { signUrl })).status).toBe(200);
    } finally {
      await emu.close();
    }
  });
});
