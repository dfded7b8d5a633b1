import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildNoteImpl } from "../fixtures/toy/build-note-impl";
import { ToyStoreFile } from "../fixtures/toy/toy-store";
import type { NoteSpec } from "../fixtures/toy/programs/notes/spec";
import { LocalEngine } from "../../tools/local-engine/engine";

/** The toy Notes program. */
export const NOTES_PROGRAM = path.join(__dirname, "../fixtures/toy/programs/notes");

/** The api token the toy store requires; a secret config value. */
export const TOY_TOKEN = "tok-engine-51d2";

/** A toy stack: a data file (the toy's cloud), a state file, and engines for successive program versions. */
export class ToyStack {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "toy-stack-"));
  readonly store = new ToyStoreFile(path.join(this.dir, "notes.json"));
  readonly statePath = path.join(this.dir, "state", "dev.json");

  constructor() {
    this.store.init(TOY_TOKEN);
  }

  /** An engine whose program declares `notes`; `secretText` becomes the secret `toy-notes:secretText`. */
  engine(notes: NoteSpec[], secretText?: string): LocalEngine {
    const config: Record<string, string> = {
      "toy:impl": buildNoteImpl(),
      "toy:dataFile": this.store.path,
      "toy:apiToken": TOY_TOKEN,
      notes: JSON.stringify(notes),
    };
    const secretKeys = ["toy:apiToken"];
    if (secretText !== undefined) {
      config.secretText = secretText;
      secretKeys.push("secretText");
    }
    return new LocalEngine({ programDir: NOTES_PROGRAM, stack: "dev", config, secretKeys, statePath: this.statePath });
  }

  /** The state file's raw text ("" when absent). */
  stateText(): string {
    return fs.existsSync(this.statePath) ? fs.readFileSync(this.statePath, "utf8") : "";
  }

  /** The state file, parsed. */
  state(): { resources: { urn: string; id?: string; custom: boolean; pendingDelete?: boolean; initErrors?: string[]; outputs: Record<string, unknown> }[] } {
    return JSON.parse(this.stateText());
  }

  /** Custom resources in the state, as `name=id`. */
  stateIds(): string[] {
    return this.state().resources.filter((r) => r.custom).map((r) => `${r.urn.split("::").pop()}=${r.id}`);
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
