/**
 * The errors the provider throws about zone records. Every one extends {@link ZoneRecordError}, exported from
 * the package root, so a program or a test tells them apart from any other failure with one `instanceof`;
 * the subclasses say which kind. (The OVH API client's own errors, `OvhError` and its subclasses, are a
 * separate family: they know nothing of records.)
 *
 * Every Error subclass of this package sets `name` one way, as a class field, so that `err.name` and the first
 * line of a stack trace say which error it is, and a subclass cannot inherit its parent's name by mistake.
 */

/** The base of every error the provider throws about a zone record (inputs, ids, creates, refreshes). */
export class ZoneRecordError extends Error {
  override readonly name: string = "ZoneRecordError";
}

/** OVH sent a record, or an answer about one, that this model cannot represent faithfully. */
export class ApiRecordError extends ZoneRecordError {
  override readonly name: string = "ApiRecordError";
}

/** A record id (from the state, an import, or an OVH listing) that is not one the provider can address. */
export class RecordIdError extends ZoneRecordError {
  override readonly name: string = "RecordIdError";
}
