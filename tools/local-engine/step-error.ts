/** A step that failed: the run stops with this message (the provider's own message when it has one). */
export class StepError extends Error {
  override readonly name: string = "StepError";
  constructor(
    message: string,
    readonly urn: string,
    /** The failed step still made a resource (ErrorResourceInitFailed), now in the state. */
    readonly resourceMade = false,
  ) {
    super(message);
  }
}
