// `npm run validate [-- <manifest.xml>] [--offline]`: checks the add-in manifest in three steps.
//   1. Offline check (always): structure, ids and resource references, https URLs, icons present at their sizes,
//      the permission and the requirement set.
//   2. Schema check with xmllint, when Microsoft's manifest XSDs are beside the project (../shared/manifest-schemas).
//   3. Microsoft's online validator (office-addin-manifest validate), unless --offline; "skipped: offline" when the
//      service cannot be reached.
// Exits non-zero when a step that ran found a problem.
const fs = require("fs");
const path = require("path");
const { spawn, spawnSync } = require("child_process");
const { setTimeout, clearTimeout } = require("timers");
const xml2js = require("xml2js");

const root = path.join(__dirname, "..");
const devUrl = "https://localhost:3000/";
const permission = "ReadWriteDocument";
const schema = path.join(root, "..", "shared", "manifest-schemas", "OfficeAppManifestV1_1.xsd");
const shortStringMax = 125;
const longStringMax = 250;

/** Every element of the parsed manifest, depth first, with its attributes, text and children. */
function* elements(node, name = "OfficeApp") {
  yield { name, attrs: node.$ ?? {}, text: typeof node._ === "string" ? node._.trim() : "", node };
  for (const [child, list] of Object.entries(node)) {
    if (child === "$" || child === "_") continue;
    for (const item of list) yield* elements(typeof item === "string" ? { _: item } : item, child);
  }
}

/** Width and height of a PNG file, or undefined when it is not one. */
function pngSize(file) {
  const bytes = fs.readFileSync(file);
  if (bytes.length < 24 || bytes.toString("latin1", 1, 4) !== "PNG") return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Problems found without a network, and a one-line summary of what was checked. */
async function offlineCheck(manifestPath) {
  let parsed;
  try {
    parsed = await xml2js.parseStringPromise(fs.readFileSync(manifestPath, "utf8"), {
      tagNameProcessors: [xml2js.processors.stripPrefix],
    });
  } catch (error) {
    return { problems: [`not well-formed XML: ${String(error.message).split("\n").join(" ")}`] };
  }
  if (!parsed.OfficeApp) return { problems: ["the root element must be <OfficeApp>"] };
  const all = [...elements(parsed.OfficeApp)];
  const named = (name) => all.filter((e) => e.name === name);
  const problems = [];

  const top = parsed.OfficeApp;
  if (top.$?.["xsi:type"] !== "TaskPaneApp") problems.push('<OfficeApp> must have xsi:type="TaskPaneApp"');
  const id = top.Id?.[0];
  if (typeof id !== "string" || !/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(id.trim())) {
    problems.push("<Id> must be a GUID");
  }
  if (!/^\d+(\.\d+){0,3}$/.test(String(top.Version?.[0] ?? "").trim())) {
    problems.push("<Version> must look like 1.0.0.0");
  }
  for (const required of ["DisplayName", "Description", "IconUrl", "DefaultSettings"]) {
    if (!top[required]) problems.push(`<${required}> is missing`);
  }
  const hosts = (top.Hosts?.[0]?.Host ?? []).map((h) => h.$?.Name);
  if (hosts.length !== 1 || hosts[0] !== "Workbook")
    problems.push('<Hosts> must hold one <Host Name="Workbook"/>');

  const sets = named("Set").map((s) => s.attrs);
  const excelApi = sets.find((s) => s.Name === "ExcelApi");
  if (!excelApi || !/^1\.\d+$/.test(excelApi.MinVersion ?? "")) {
    problems.push('<Requirements> must declare <Set Name="ExcelApi" MinVersion="1.N"/>');
  }
  const permissions = String(top.Permissions?.[0] ?? "").trim();
  if (permissions !== permission) {
    problems.push(
      `<Permissions> is "${permissions}": it must be ${permission}, which the add-in needs, and no other`,
    );
  }

  // Every URL, wherever it sits, must be https (namespace names are identifiers, not URLs to fetch).
  const urls = [];
  for (const e of all) {
    const attrs = Object.entries(e.attrs).filter(([key]) => key !== "xmlns" && !key.startsWith("xmlns:"));
    for (const value of [...attrs.map(([, v]) => v), e.text]) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) urls.push({ element: e.name, url: value });
    }
  }
  for (const { element, url } of urls) {
    if (!url.startsWith("https://")) problems.push(`<${element}> URL ${url} must use https`);
  }

  // Resources: unique ids, every resid resolves, strings within Office's limits.
  const resources = new Map();
  for (const kind of ["Image", "Url", "String"]) {
    for (const e of named(kind).filter((r) => r.attrs.id !== undefined)) {
      if (resources.has(e.attrs.id)) problems.push(`resource id "${e.attrs.id}" is defined twice`);
      resources.set(e.attrs.id, e);
    }
  }
  for (const e of all.filter((e) => e.attrs.resid !== undefined)) {
    if (!resources.has(e.attrs.resid)) {
      problems.push(`<${e.name} resid="${e.attrs.resid}"> refers to no resource: add it under <Resources>`);
    }
  }
  const limits = { ShortStrings: shortStringMax, LongStrings: longStringMax };
  for (const [group, max] of Object.entries(limits)) {
    for (const list of named(group)) {
      for (const s of list.node.String ?? []) {
        if ((s.$?.DefaultValue ?? "").length > max)
          problems.push(`string "${s.$?.id}" is longer than ${max}`);
      }
    }
  }
  const controlIds = named("Control")
    .concat(named("Group"))
    .map((c) => c.attrs.id);
  for (const dup of new Set(controlIds.filter((c, i) => controlIds.indexOf(c) !== i))) {
    problems.push(`ribbon id "${dup}" is used twice`);
  }
  const functions = named("FunctionName").map((f) => f.text);
  if (functions.some((f) => !f)) problems.push("an ExecuteFunction button has an empty <FunctionName>");
  if (functions.length > 0 && named("FunctionFile").length === 0) {
    problems.push("ExecuteFunction buttons need a <FunctionFile>");
  }

  // Icons: each must exist (for the dev URL, in this project) as a PNG of the size it is declared at.
  const icons = [
    ...["IconUrl", "HighResolutionIconUrl"].flatMap((n) =>
      named(n).map((e) => ({ url: e.attrs.DefaultValue, size: n === "IconUrl" ? 32 : 64, where: `<${n}>` })),
    ),
    ...named("Image")
      .filter((e) => e.attrs.resid !== undefined)
      .map((e) => ({
        url: resources.get(e.attrs.resid)?.attrs.DefaultValue,
        size: Number(e.attrs.size),
        where: `icon "${e.attrs.resid}" at ${e.attrs.size} px`,
      })),
  ];
  const checkedFiles = new Set();
  for (const icon of icons) {
    if (!icon.url?.startsWith(devUrl)) continue;
    const relative = decodeURI(icon.url.slice(devUrl.length));
    const file = path.join(path.dirname(manifestPath), relative);
    checkedFiles.add(file);
    if (!fs.existsSync(file)) {
      problems.push(`${icon.where}: ${relative} does not exist beside the manifest`);
      continue;
    }
    const size = pngSize(file);
    if (!size) problems.push(`${icon.where}: ${relative} is not a PNG`);
    else if (size.width !== icon.size || size.height !== icon.size) {
      problems.push(`${icon.where}: ${relative} is ${size.width}x${size.height} px`);
    }
  }

  const summary =
    `Workbook task pane, ExcelApi ${excelApi?.MinVersion ?? "?"}, ${permissions}, ` +
    `${named("Control").length} ribbon buttons, ${urls.length} https URLs, ${checkedFiles.size} icon files`;
  return { problems: [...new Set(problems)], summary };
}

function schemaCheck(manifestPath) {
  if (!fs.existsSync(schema)) return "skipped: no schemas at ../shared/manifest-schemas";
  const result = spawnSync("xmllint", ["--noout", "--schema", schema, manifestPath], { encoding: "utf8" });
  if (result.error) return "skipped: xmllint is not installed";
  return result.status === 0 ? "passed" : { failed: result.stderr.trim() };
}

/** Runs Microsoft's online validator; "skipped: offline" when its service cannot be reached. */
function onlineCheck(manifestPath) {
  const cli = path.join(root, "node_modules", "office-addin-manifest", "cli.js");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, "validate", manifestPath], { cwd: root });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill(), 30000);
    child.on("error", () => resolve("skipped: office-addin-manifest is not installed"));
    child.on("close", (code) => {
      clearTimeout(timer);
      if (
        /Unable to contact|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|ETIMEDOUT|network/i.test(output) ||
        code === null
      ) {
        resolve("skipped: offline");
      } else resolve(code === 0 ? "passed" : { failed: output.trim() });
    });
  });
}

async function main() {
  const args = process.argv.slice(2);
  const offline = args.includes("--offline");
  const manifestPath = path.resolve(args.find((a) => !a.startsWith("--")) ?? path.join(root, "manifest.xml"));
  const shown = path.relative(process.cwd(), manifestPath) || manifestPath;
  if (!fs.existsSync(manifestPath)) {
    console.log(`${shown} does not exist.`);
    return 1;
  }

  let failed = false;
  const { problems, summary } = await offlineCheck(manifestPath);
  if (problems.length > 0) {
    failed = true;
    console.log(`Offline check of ${shown}: ${problems.length} problem(s)`);
    for (const problem of problems) console.log(`  - ${problem}`);
  } else console.log(`Offline check of ${shown}: passed (${summary}).`);

  const report = (step, result) => {
    if (typeof result === "string") console.log(`${step}: ${result}.`);
    else {
      failed = true;
      console.log(`${step}: failed\n${result.failed}`);
    }
  };
  report("Schema check (xmllint)", schemaCheck(manifestPath));
  report(
    "Online check (office-addin-manifest validate)",
    offline ? "skipped: --offline" : await onlineCheck(manifestPath),
  );
  return failed ? 1 : 0;
}

main().then((code) => (process.exitCode = code));
