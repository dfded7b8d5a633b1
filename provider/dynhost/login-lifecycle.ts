/**
 * create, read, update and delete of one DynHost login. A login is no DNS data: its writes need no zone refresh.
 * Its password is sent in the body of `POST .../login` and `POST .../changePassword` only, never in a path or a
 * message, and OVH never returns it: a read keeps the one the state holds (encrypted, sdk/dynhost.ts).
 */
import { classifyFailure } from "../ovh/outcome";
import { RecordIdError } from "../records";
import { isNotFound } from "../zone-record/zone-api";
import { DynHostGoneError } from "./errors";
import { dynHostLoginSpecOf, loginOf, type DynHostLoginSpec } from "./model";
import { toDynHostLoginOutputs } from "./outputs";
import { dynHostApiOf, type DynHostContext } from "./record-lifecycle";

type Props = Record<string, unknown>;

/**
 * Creates the login of the checked `inputs`: one POST. When its answer is lost after it may have been applied, the
 * login is looked up by its name (OVH derives it from the suffix); found with the declared sub-domain, it is this
 * POST's, and its password is set again so that it is certainly the declared one.
 */
export async function createDynHostLogin(ctx: DynHostContext, inputs: Props) {
  const spec = dynHostLoginSpecOf(inputs);
  const api = dynHostApiOf(ctx.session);
  let login: string;
  try {
    const made = await api.createLogin(spec.zoneName, { loginSuffix: spec.loginSuffix, password: spec.password, subDomain: spec.subDomain });
    login = typeof made?.login === "string" && made.login !== "" ? made.login : loginOf(spec.zoneName, spec.loginSuffix);
  } catch (err) {
    if (classifyFailure(err).applied === "not-applied") throw err;
    login = loginOf(spec.zoneName, spec.loginSuffix);
    const found = await api.getLogin(spec.zoneName, login).catch(() => undefined);
    if (!found || found.subDomain.toLowerCase() !== spec.subDomain) throw err;
    await api.changePassword(spec.zoneName, login, spec.password);
  }
  return { id: login, outs: toDynHostLoginOutputs(spec, login) };
}

/**
 * Reads login `id` (`pulumi refresh`, `.get()`): its sub-domain as OVH has it now, so a change made in the console
 * shows as drift. A 404 means it was deleted: refresh drops it. An id may be `<login>` with `zoneName` in the inputs,
 * or `<zoneName>/<login>`.
 */
export async function readDynHostLogin(ctx: DynHostContext, id: string, props: Props) {
  const { login, zoneName } = parseId(id, props);
  const found = await dynHostApiOf(ctx.session).getLogin(zoneName, login);
  if (!found) return { id: "", props: {} };
  const prior = dynHostLoginSpecOf(props);
  const prefix = `${zoneName}-`;
  const loginSuffix = prior.loginSuffix !== "" ? prior.loginSuffix : login.startsWith(prefix) ? login.slice(prefix.length) : login;
  const subDomain = found.subDomain.toLowerCase() === prior.subDomain.toLowerCase() ? prior.subDomain : found.subDomain;
  const outs = toDynHostLoginOutputs({ zoneName, loginSuffix, subDomain, password: prior.password }, found.login || login);
  if (props.login !== undefined) return { id: login, props: { ...outs } };
  // Imported: the password cannot be read, so the program's own is taken at the next `up` (a changePassword).
  const { login: _l, ...inputs } = outs;
  return { id: login, props: { ...outs }, inputs };
}

function parseId(id: string, props: Props): { login: string; zoneName: string } {
  const slash = id.indexOf("/");
  if (slash > 0) return { zoneName: id.slice(0, slash).toLowerCase(), login: id.slice(slash + 1) };
  const zoneName = String(props.zoneName ?? "").toLowerCase();
  if (!zoneName) throw new RecordIdError(`cannot read DynHostLogin ${id}: no zoneName; give it in the resource's inputs or read it as <zoneName>/${id}`);
  return { zoneName, login: id };
}

/** Sets the sub-domain (PUT) and the password (changePassword) where they changed: nothing else is sent. */
export async function updateDynHostLogin(ctx: DynHostContext, id: string, olds: Props, news: Props) {
  const before = dynHostLoginSpecOf(olds);
  const spec: DynHostLoginSpec = dynHostLoginSpecOf(news);
  const api = dynHostApiOf(ctx.session);
  const moved = before.subDomain.toLowerCase() !== spec.subDomain.toLowerCase();
  try {
    if (moved) await api.updateLogin(spec.zoneName, id, spec.subDomain);
    if (before.password !== spec.password) {
      await api.changePassword(spec.zoneName, id, spec.password).catch(async (err: unknown) => {
        // Nothing half-done: the sub-domain goes back to what the state says before the error is reported.
        if (moved) await api.updateLogin(spec.zoneName, id, before.subDomain).catch(() => undefined);
        throw err;
      });
    }
  } catch (err) {
    if (!isNotFound(err)) throw err;
    throw new DynHostGoneError(
      `DynHost login ${id} of zone ${spec.zoneName} no longer exists: it was deleted outside Pulumi. ` +
        "Run `pulumi refresh` to drop it from the state, then `pulumi up` to create it again.",
      { cause: err },
    );
  }
  return { outs: toDynHostLoginOutputs(spec, id) };
}

/** Deletes login `id`; one already gone (404) counts as deleted. */
export async function deleteDynHostLogin(ctx: DynHostContext, id: string, props: Props): Promise<void> {
  const zoneName = String(props.zoneName ?? "");
  await dynHostApiOf(ctx.session).removeLogin(zoneName, id).catch((err: unknown) => {
    if (!isNotFound(err)) throw err;
  });
}
