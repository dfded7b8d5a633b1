/**
 * Exit codes of the `pulumi-ovh-dns` command and the errors that carry them: 0 ok, 1 a failure (an API
 * call, a check, a file), 2 a usage error (a bad flag or argument, reported before any call is made).
 */
import { normaliseZoneName } from "../provider/records";

/** Exit status of a command that ran and failed. */
export const EXIT_FAILURE = 1;
/** Exit status of a command given bad flags or arguments. */
export const EXIT_USAGE = 2;

/** Bad flags or arguments: the message names the flag and says what to give instead. */
export class UsageError extends Error {
  override readonly name: string = "UsageError";
}

/** A command that ran and failed; its message says what failed and what to do. */
export class CommandFailure extends Error {
  override readonly name: string = "CommandFailure";
}

/** Parses a positive integer flag, or throws a {@link UsageError} naming it. */
export function positiveInteger(flag: string, text: string, max = 31_536_000): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > max) {
    throw new UsageError(`${flag} must be a whole number from 1 to ${max}, got "${text}"`);
  }
  return value;
}

/** A zone name as the API knows it: lower case, no trailing dot; throws a {@link UsageError} otherwise. */
export function zoneName(flag: string, text: string): string {
  const zone = normaliseZoneName(text);
  if (!/^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/.test(zone)) {
    throw new UsageError(`${flag} "${text}" is not a zone name: give one like example.com`);
  }
  return zone;
}
