/**
 * The page a `validationUrl` points to (docs/ovh-api.md §3): `GET /auth/?credentialToken=...` shows a
 * form; posting it validates (or refuses) the pending consumer key, then follows the
 * credential's `redirection` if it has one. Served at the origin root, as OVH does.
 */
import { html, type Reply } from "../reply";
import type { EmulatorState } from "../state";

/** `GET /auth/?credentialToken=T`. */
export function showValidationPage(state: EmulatorState, query: URLSearchParams): Reply {
  const token = query.get("credentialToken") ?? "";
  const credential = state.credentials.credentialByToken(token);
  if (credential === undefined) return html(page("Unknown or expired credential token."), 404);
  const rules = credential.rules.map((r) => `<li>${escape(r.method)} ${escape(r.path)}</li>`).join("");
  return html(
    page(
      `<p>Application ${escape(credential.applicationKey)} asks for:</p><ul>${rules}</ul>` +
        `<form method="POST" action="/auth/">` +
        `<input type="hidden" name="credentialToken" value="${escape(token)}">` +
        `<button name="action" value="validate">Validate</button> ` +
        `<button name="action" value="refuse">Refuse</button></form>`,
    ),
  );
}

/** `POST /auth/` with form `credentialToken=T&action=validate|refuse`. */
export function submitValidation(state: EmulatorState, rawBody: string): Reply {
  const form = new URLSearchParams(rawBody);
  const credential = state.credentials.credentialByToken(form.get("credentialToken") ?? "");
  if (credential === undefined || credential.state !== "pendingValidation") {
    return html(page("Unknown, expired or already used credential token."), 404);
  }
  const refused = form.get("action") === "refuse";
  credential.state = refused ? "refused" : "validated";
  credential.validationToken = undefined;
  if (!refused && credential.redirection) {
    return { status: 303, headers: { Location: credential.redirection }, changed: true };
  }
  return html(page(refused ? "Credential refused." : "Credential validated."), 200, true);
}

function page(content: string): string {
  return `<!doctype html><html><head><title>OVH API emulator</title></head><body>${content}</body></html>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
