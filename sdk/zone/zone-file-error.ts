/** A problem of a zone file (BIND or YAML) at `file:line`; its limits' refusals are ones too (limits.ts). */
export class ZoneFileError extends Error {
  override readonly name: string = "ZoneFileError";
  constructor(readonly file: string, readonly line: number, reason: string) {
    super(`${file}:${line}: ${reason}`);
  }
}
