/**
 * Every file the command writes (`credentials --ovh-conf`, `export -o`) is written here, so that a path in a
 * directory others can write to cannot redirect it (issue #19: symlinks planted at the old `<path>.<pid>.tmp`
 * names made `credentials` write into a victim file):
 * - the text goes into a new file created with `O_EXCL | O_NOFOLLOW` inside a private directory (`mkdtemp`, mode
 *   0700) made beside the target, so no name it opens can be planted by anyone else;
 * - that file then takes the target's name in one atomic step: `rename` to replace a file, `link` when the target
 *   must not exist (`link` fails on any existing name, a dangling symlink included);
 * - a target that is a symbolic link (dangling or not) or not a regular file is refused, naming where it points:
 *   the command never writes through a link, and never replaces one with a file.
 * The private directory is removed in every case.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CommandFailure } from "./cli-errors";

/** How {@link writeFileSafely} writes. */
export interface SafeWriteOptions {
  /** The new file's mode (the umask applies): 0o600 for secrets. Default 0o666. */
  mode?: number;
  /** Replace an existing regular file (default false: an existing name is refused, atomically). */
  replace?: boolean;
  /** What the path is, for messages: `--ovh-conf`, `--output`. */
  flag: string;
}

/** Refuses a target that is a link or not a regular file, before anything is asked or written. */
export function checkWriteTarget(target: string, flag: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
    throw new CommandFailure(`cannot use ${flag} ${target} (${(err as NodeJS.ErrnoException).code ?? "error"}): fix its directory's permissions`);
  }
  if (stat.isSymbolicLink()) {
    let points: string;
    try {
      points = fs.readlinkSync(target);
    } catch {
      points = "an unreadable target";
    }
    throw new CommandFailure(`${flag} ${target} is a symbolic link (to ${points}): nothing was written; the command never writes through a link. ` +
      "Give the path of the file itself, or remove the link");
  }
  if (!stat.isFile()) throw new CommandFailure(`${flag} ${target} is not a regular file: nothing was written; give the path of a file`);
}

/** Writes `text` to `target` as the top of this file says; throws a {@link CommandFailure} naming the flag. */
export function writeFileSafely(target: string, text: string, options: SafeWriteOptions): void {
  checkWriteTarget(target, options.flag);
  let dir: string | undefined;
  try {
    dir = fs.mkdtempSync(path.join(path.dirname(target), `.${path.basename(target)}.`));
    const temp = path.join(dir, "new");
    const fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, options.mode ?? 0o666);
    try {
      fs.writeFileSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (options.replace) {
      checkWriteTarget(target, options.flag);
      fs.renameSync(temp, target);
    } else {
      fs.linkSync(temp, target);
    }
  } catch (err) {
    if (err instanceof CommandFailure) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new CommandFailure(`${options.flag} ${target} appeared while writing it: nothing was written; give another path, or remove it`);
    throw new CommandFailure(`cannot write ${options.flag} ${target} (${code ?? "error"}): ${(err as Error).message}`);
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}
