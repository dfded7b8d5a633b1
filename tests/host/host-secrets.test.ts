import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildNoteImpl } from "../fixtures/toy/build-note-impl";
import { noteProvider } from "../fixtures/toy/note-provider";
import { HostError } from "../../tools/plugin-host/errors";
import { spawnProviderHost } from "../../tools/plugin-host/host-client";
import { serializeProvider } from "../../tools/plugin-host/serialize-provider";
import { secret } from "../../tools/plugin-host/sentinels";
import { TOY_TOKEN, startToyHost } from "./toy-host";

describe("secrets through the real host", () => {
  it("delivers a secret config value to the provider's configure, unwrapped", async () => {
    const toy = await startToyHost();
    try {
      await toy.host.configure();
      const made = await toy.host.create(toy.urn("s"), { name: "s", text: "t", size: 1, __provider: toy.providerText });
      expect(made.properties.text).toBe("t");
    } finally {
      await toy.close();
    }
  });

  it("makes the provider refuse calls when Configure carried the wrong secret", async () => {
    const toy = await startToyHost();
    try {
      await toy.host.configure({ ...configOf(toy.store.path), "toy:apiToken": "wrong" }, ["toy:apiToken"]);
      const err = await toy.host.create(toy.urn("s"), { name: "s", text: "t", size: 1, __provider: toy.providerText }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HostError);
      expect((err as HostError).providerMessage).toBe("toy: unauthorized: toy:apiToken does not match");
    } finally {
      await toy.close();
    }
  });

  it("unwraps secret inputs before sending them, as the engine does for a host that refuses secrets", async () => {
    const toy = await startToyHost();
    try {
      await toy.host.configure();
      const made = await toy.host.create(toy.urn("w"), { name: "w", text: secret("hidden"), size: 1, __provider: toy.providerText });
      expect(made.properties.text).toBe("hidden");
    } finally {
      await toy.close();
    }
  });

  it("keeps credentials out of the serialized provider: they come from configure", async () => {
    const text = await serializeProvider(noteProvider);
    expect(text).toContain("require(settings.impl)");
    expect(text).not.toContain(TOY_TOKEN);
    expect(text).not.toContain("note-impl");
  });

  it("shows the host's stderr when it dies before printing its port", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "toy-bad-"));
    try {
      const env = { NODE_OPTIONS: "--require ./no-such-preload.js" };
      const err = await spawnProviderHost({ cwd: dir, project: "toy", config: {}, env }).catch((e: unknown) => e);
      expect(String(err)).toContain("the dynamic-provider host exited (code 1) before printing its port; stderr:");
      expect(String(err)).toContain("Cannot find module './no-such-preload.js'");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

function configOf(dataFile: string): Record<string, string> {
  return { "toy:impl": buildNoteImpl(), "toy:dataFile": dataFile };
}
