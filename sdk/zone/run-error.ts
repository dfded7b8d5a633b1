/**
 * A Zone's errors are the user's to fix in the program or in a records file: Pulumi should show their message,
 * once, and nothing else. It prints any other error of a program as "failed with an unhandled exception" through
 * Node's `util.inspect` (the stack trace, colour codes, and the error's own fields, so a `problems` list twice),
 * and only the message of a `pulumi.RunError`. `RunError.isInstance` tests a marker field rather than the class
 * (so that it works across several copies of @pulumi/pulumi): setting that field on an error of this package
 * keeps its class (`ZoneDeclarationError`, a `ZoneRecordError`, what programs catch) and gets it reported as a
 * RunError. tests/pulumi-cli/program-errors.test.ts checks it through the real CLI.
 */

/** The field `pulumi.RunError.isInstance` looks for. */
const RUN_ERROR_MARKER = "__pulumiRunError";

/** `err`, marked to be reported by Pulumi as a RunError (message only); anything not an object is left as it is. */
export function reportedAsRunError<T>(err: T): T {
  if (typeof err === "object" && err !== null && !Object.prototype.hasOwnProperty.call(err, RUN_ERROR_MARKER)) {
    // Not enumerable: it never shows where the error is printed or serialised.
    Object.defineProperty(err, RUN_ERROR_MARKER, { value: true, enumerable: false });
  }
  return err;
}
