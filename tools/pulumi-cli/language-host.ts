/**
 * A Node.js language host for the Pulumi CLI built here (`pulumi-language-nodejs`).
 *
 * The Go module proxy serves Pulumi's CLI (`github.com/pulumi/pulumi/pkg/v3`) but not its Node.js language host
 * (`sdk/nodejs/cmd/pulumi-language-nodejs`, a module with no tag of its own), so this is the smallest faithful
 * one: the `LanguageRuntime` gRPC service over the stubs that ship in `@pulumi/pulumi/proto`. What it does is
 * what the real host does for `preview`, `up`, `refresh` and `destroy` (docs/pulumi-cli.md):
 * - it is started as `pulumi-language-nodejs [flags] <engine address>` and prints the port it serves on;
 * - `Run` starts `node <@pulumi/pulumi/cmd/run, resolved from the program's directory> --monitor … --engine …
 *   --organization … --project … --root-directory … --stack … --pwd … [--dry-run] --parallel N <entry point>`,
 *   with the stack config in `PULUMI_CONFIG` (keys written `<namespace>:config:<name>`), its secret keys in
 *   `PULUMI_CONFIG_SECRET_KEYS`, and `PULUMI_NODEJS_TYPESCRIPT` / `PULUMI_NODEJS_TSCONFIG_PATH` from the
 *   project's runtime options; exit code 32 means "the program already reported its error" (bail);
 * - `GetRequiredPackages`/`GetRequiredPlugins` report the resource plugins the program's dependencies declare
 *   (`"pulumi": { "resource": true }` in their package.json).
 * What it leaves out: the monitor proxy and the synchronous-invoke pipes (`--sync`, only for the deprecated
 * synchronous invokes), debugging, `pulumi new`/`install`/`package` (InstallDependencies, templates, codegen).
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as langrpc from "@pulumi/pulumi/proto/language_grpc_pb";
import * as langproto from "@pulumi/pulumi/proto/language_pb";
import * as pluginproto from "@pulumi/pulumi/proto/plugin_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { watchEngine } from "../../provider/zone-record/engine-watchdog";

/** The exit code with which `cmd/run` says it already showed the user an actionable message. */
const EXIT_BAIL = 32;
const VERSION = "3.274.1";

type Unary<Req, Res> = grpc.handleUnaryCall<Req, Res>;

/** Resolves `request` as Node would from `directory` (the program's own `@pulumi/pulumi`, not this tool's). */
function resolveFrom(directory: string, request: string): string {
  return require.resolve(request, { paths: [directory] });
}

/** The project's `runtime.options` that change how the program starts. */
interface RuntimeOptions {
  typescript: boolean;
  tsconfig?: string;
  nodeargs: string[];
}

function runtimeOptions(info: langproto.ProgramInfo | undefined): RuntimeOptions {
  const options = (info?.getOptions()?.toJavaScript() ?? {}) as Record<string, unknown>;
  return {
    typescript: options.typescript === undefined ? true : options.typescript !== false && options.typescript !== "false",
    tsconfig: typeof options.tsconfig === "string" ? options.tsconfig : undefined,
    nodeargs: typeof options.nodeargs === "string" ? options.nodeargs.split(/\s+/).filter(Boolean) : [],
  };
}

/** `PULUMI_CONFIG`: every key `<namespace>:<name>` written `<namespace>:config:<name>`, as the real host does. */
function configJson(config: { forEach(fn: (value: string, key: string) => void): void }): string {
  const out: Record<string, string> = {};
  config.forEach((value, key) => {
    const colon = key.indexOf(":");
    out[colon > 0 ? `${key.slice(0, colon)}:config:${key.slice(colon + 1)}` : key] = value;
  });
  return JSON.stringify(out);
}

/** The arguments of `cmd/run`, in the order the real host passes them; empty values are left out. */
export function runArguments(req: langproto.RunRequest, runPath: string, engineAddress: string): string[] {
  const info = req.getInfo();
  const args = [runPath];
  const add = (name: string, value: string | undefined) => {
    if (value) args.push(`--${name}`, value);
  };
  add("monitor", req.getMonitorAddress());
  add("engine", engineAddress);
  add("organization", req.getOrganization());
  add("project", req.getProject());
  add("root-directory", info?.getRootDirectory());
  add("stack", req.getStack());
  add("pwd", info?.getProgramDirectory() || req.getPwd());
  if (req.getDryrun()) args.push("--dry-run");
  add("parallel", String(req.getParallel()));
  args.push(info?.getEntryPoint() || req.getProgram() || ".");
  args.push(...req.getArgsList());
  return args;
}

/** The programs running now: ended with the host when its engine is gone. */
const programs = new Set<ChildProcess>();

/** Runs the program to completion; the answer says whether it failed and whether the error was shown already. */
async function runProgram(req: langproto.RunRequest, engineAddress: string): Promise<langproto.RunResponse> {
  const response = new langproto.RunResponse();
  const info = req.getInfo();
  const programDirectory = info?.getProgramDirectory() || req.getPwd() || process.cwd();
  let runPath: string;
  try {
    runPath = path.dirname(resolveFrom(programDirectory, "@pulumi/pulumi/cmd/run"));
  } catch (err) {
    response.setError(`It looks like the Pulumi SDK has not been installed. Have you run npm install? (${(err as Error).message})`);
    return response;
  }
  const options = runtimeOptions(info);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PULUMI_CONFIG: configJson(req.getConfigMap()),
    PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(req.getConfigsecretkeysList()),
  };
  if (options.typescript) env.PULUMI_NODEJS_TYPESCRIPT = "true";
  if (options.tsconfig) env.PULUMI_NODEJS_TSCONFIG_PATH = options.tsconfig;
  const child = spawn(process.execPath, [...options.nodeargs, ...runArguments(req, runPath, engineAddress)], {
    cwd: programDirectory,
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  programs.add(child);
  child.once("exit", () => programs.delete(child));
  return new Promise((resolve) => {
    child.on("error", (err) => {
      response.setError(`Problem executing program (could not run language executor): ${err.message}`);
      resolve(response);
    });
    child.on("exit", (code, signal) => {
      if (code === EXIT_BAIL) response.setBail(true);
      else if (code !== 0) response.setError(`Program exited with non-zero exit code: ${code ?? signal}`);
      resolve(response);
    });
  });
}

/** The resource plugins that the program's direct dependencies declare. */
function requiredPackages(programDirectory: string): pluginproto.PackageDependency[] {
  let manifest: { dependencies?: Record<string, string> };
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(programDirectory, "package.json"), "utf8"));
  } catch {
    return [];
  }
  const found: pluginproto.PackageDependency[] = [];
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    let pkg: { version?: string; pulumi?: { resource?: boolean; name?: string; version?: string; server?: string } };
    try {
      pkg = JSON.parse(fs.readFileSync(resolveFrom(programDirectory, `${name}/package.json`), "utf8"));
    } catch {
      continue;
    }
    if (!pkg.pulumi?.resource) continue;
    const dep = new pluginproto.PackageDependency();
    dep.setName(pkg.pulumi.name ?? name.replace(/^@pulumi\//, ""));
    dep.setKind("resource");
    dep.setVersion(pkg.pulumi.version ?? pkg.version ?? "");
    if (pkg.pulumi.server) dep.setServer(pkg.pulumi.server);
    found.push(dep);
  }
  return found;
}

function programDirectoryOf(info: langproto.ProgramInfo | undefined): string {
  return info?.getProgramDirectory() || process.cwd();
}

/** Starts the host and prints its port, as the CLI expects of a plugin. */
export async function main(argv: string[]): Promise<void> {
  let engineAddress = argv.filter((a) => !a.startsWith("-")).pop() ?? "";
  const server = new grpc.Server();
  const handshake: Unary<langproto.LanguageHandshakeRequest, langproto.LanguageHandshakeResponse> = (call, cb) => {
    engineAddress = call.request.getEngineAddress() || engineAddress;
    cb(null, new langproto.LanguageHandshakeResponse());
  };
  const getRequiredPackages: Unary<langproto.GetRequiredPackagesRequest, langproto.GetRequiredPackagesResponse> = (call, cb) =>
    cb(null, new langproto.GetRequiredPackagesResponse().setPackagesList(requiredPackages(programDirectoryOf(call.request.getInfo()))));
  const getRequiredPlugins: Unary<langproto.GetRequiredPluginsRequest, langproto.GetRequiredPluginsResponse> = (call, cb) => {
    const plugins = requiredPackages(programDirectoryOf(call.request.getInfo())).map((p) =>
      new pluginproto.PluginDependency().setName(p.getName()).setKind(p.getKind()).setVersion(p.getVersion()).setServer(p.getServer()));
    cb(null, new langproto.GetRequiredPluginsResponse().setPluginsList(plugins));
  };
  const run: Unary<langproto.RunRequest, langproto.RunResponse> = (call, cb) => {
    runProgram(call.request, engineAddress).then((res) => cb(null, res), (err: Error) =>
      cb(null, new langproto.RunResponse().setError(`pulumi-language-nodejs: ${err.stack ?? err.message}`)));
  };
  const getPluginInfo: Unary<Empty, pluginproto.PluginInfo> = (_call, cb) => cb(null, new pluginproto.PluginInfo().setVersion(VERSION));
  const getProgramDependencies: Unary<langproto.GetProgramDependenciesRequest, langproto.GetProgramDependenciesResponse> = (_c, cb) =>
    cb(null, new langproto.GetProgramDependenciesResponse());
  const about: Unary<langproto.AboutRequest, langproto.AboutResponse> = (_c, cb) =>
    cb(null, new langproto.AboutResponse().setExecutable(process.execPath).setVersion(process.version));
  const cancel: Unary<Empty, Empty> = (_c, cb) => cb(null, new Empty());
  server.addService(langrpc.LanguageRuntimeService, {
    handshake, getRequiredPackages, getRequiredPlugins, run, getPluginInfo, getProgramDependencies, about, cancel,
  } as unknown as grpc.UntypedServiceImplementation);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))));
  process.stdout.write(`${port}\n`);
  // As Pulumi's own plugins do: when the engine is gone (`kill -9` of pulumi), stop the program and exit rather
  // than keep registering resources with nobody to answer (provider/zone-record/engine-watchdog.ts).
  watchEngine({
    address: engineAddress,
    onGone: () => {
      for (const child of programs) child.kill("SIGKILL");
      process.exit(1);
    },
  });
  // The CLI ends its plugins with a signal once the command is done.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.forceShutdown());
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: Error) => {
    process.stderr.write(`pulumi-language-nodejs: ${err.stack ?? err.message}\n`);
    process.exit(1);
  });
}
