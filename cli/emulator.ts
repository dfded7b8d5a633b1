#!/usr/bin/env node
/**
 * `npm run emulator`: starts the local OVH API emulator, prints its URL and a working set of
 * credentials as `OVH_*=...` lines ready to export, and stops cleanly on SIGINT/SIGTERM.
 */
import { startEmulator } from "../emulator";
import { EMULATOR_USAGE, parseEmulatorArgs } from "./emulator-args";

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseEmulatorArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${EMULATOR_USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (parsed.help) {
    console.log(EMULATOR_USAGE);
    return;
  }
  const emulator = await startEmulator(parsed.options);
  const c = emulator.credentials;
  console.log(`# OVH API emulator listening on ${emulator.url}`);
  console.log(`OVH_ENDPOINT=${c.endpoint}`);
  console.log(`OVH_APPLICATION_KEY=${c.applicationKey}`);
  console.log(`OVH_APPLICATION_SECRET=${c.applicationSecret}`);
  console.log(`OVH_CONSUMER_KEY=${c.consumerKey}`);
  // One auth method at a time: OAuth2 is printed as a commented alternative.
  console.log(`# OAuth2 instead of the keys above (token URL ${emulator.origin}/auth/oauth2/token):`);
  console.log(`# OVH_CLIENT_ID=${c.clientId}`);
  console.log(`# OVH_CLIENT_SECRET=${c.clientSecret}`);
  console.log("# Ctrl-C to stop.");

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`# ${signal}: stopping the emulator`);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error(`OVH emulator failed to start: ${(err as Error).message}`);
  process.exit(1);
});
