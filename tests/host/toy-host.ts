import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildNoteImpl } from "../fixtures/toy/build-note-impl";
import { noteProvider } from "../fixtures/toy/note-provider";
import { ToyStoreFile } from "../fixtures/toy/toy-store";
import { spawnProviderHost, type ProviderHost } from "../../tools/plugin-host/host-client";
import { serializeProvider } from "../../tools/plugin-host/serialize-provider";
import { makeUrn } from "../../tools/plugin-host/urn";

/** A host running the toy Note provider against a fresh data file, for the host tests. */
export interface ToyHost {
  host: ProviderHost;
  store: ToyStoreFile;
  /** The serialized toy provider (`__provider`). */
  providerText: string;
  /** The URN of a toy Note named `name`. */
  urn(name: string): string;
  /** Closes the host and removes the temporary directory. */
  close(): Promise<void>;
}

/** The api token the toy store requires; sent as a secret config value. */
export const TOY_TOKEN = "tok-7f3a9c";

/** Starts the real host for the toy provider, configured with a secret token. */
export async function startToyHost(): Promise<ToyHost> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "toy-host-"));
  const store = new ToyStoreFile(path.join(dir, "notes.json"));
  store.init(TOY_TOKEN);
  const config = { "toy:impl": buildNoteImpl(), "toy:dataFile": store.path, "toy:apiToken": TOY_TOKEN };
  const host = await spawnProviderHost({ cwd: dir, project: "toy", config, secretKeys: ["toy:apiToken"] });
  const providerText = await serializeProvider(noteProvider);
  return {
    host,
    store,
    providerText,
    urn: (name) => makeUrn({ stack: "dev", project: "toy", type: "pulumi-nodejs:dynamic/toy:Note", name }),
    close: async () => {
      await host.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
