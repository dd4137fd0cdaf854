// `npm start`: sideloads the add-in into desktop Excel where it is installed (Windows, macOS). Elsewhere, or when
// that fails, serves the add-in over https on localhost and says how to open it in Excel on the web and where the
// workbench is. Every failure ends in a message, not a stack trace.
const fs = require("fs");
const https = require("https");
const net = require("net");
const path = require("path");
const { spawn } = require("child_process");
const { setTimeout: sleep } = require("timers/promises");
const { ensurePackages } = require("./ensure-packages");
const { pidFile } = require("./dev-server-pid");

const root = path.join(__dirname, "..");
const port = 3000;
const base = `https://localhost:${port}/`;
const manifest = path.join(root, "manifest.xml");
/** Status of GET url, or undefined when nothing answers. */
function probe(url) {
  return new Promise((resolve) => {
    // The dev certificate may be self-signed; only reachability matters here.
    const request = https.get(url, { rejectUnauthorized: false, timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(undefined));
  });
}

function instructions(reason) {
  return [
    "",
    `Career Matrix is served at ${base}`,
    `  Task pane:  ${base}taskpane.html`,
    `  Workbench:  ${base}workbench.html   (the add-in on an in-memory workbook: no Excel needed)`,
    "",
    `${reason} To use the add-in in Excel on the web:`,
    `  1. Open ${base}taskpane.html in your browser once; if it warns about the certificate, accept it.`,
    "  2. Open a workbook in Excel on the web, in the same browser.",
    "  3. Insert > Add-ins > Upload My Add-in (newer menus: Home > Add-ins > More Add-ins > Upload My Add-in),",
    `     and upload ${manifest}`,
    "  4. The Career Matrix buttons appear on the Home tab.",
    "",
    "Stop the server with Ctrl+C.",
    "",
  ].join("\n");
}

/** Whether another program holds the port: the dev server could not listen on it. */
function portTaken() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(true));
    server.listen(port, "localhost", () => server.close(() => resolve(false)));
  });
}

/** Runs a Node script with its output passed through; resolves with its exit code and what it printed. */
function runNode(script, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root });
    let output = "";
    const pass = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on("data", pass(process.stdout));
    child.stderr.on("data", pass(process.stderr));
    child.on("error", (error) => resolve({ code: 1, output: String(error.message) }));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

async function sideloadIntoDesktopExcel() {
  console.log("Starting the dev server and sideloading manifest.xml into desktop Excel...");
  const cli = path.join(root, "node_modules", "office-addin-debugging", "cli.js");
  const { code, output } = await runNode(cli, [
    "start",
    "manifest.xml",
    "desktop",
    "--app",
    "excel",
    "--dev-server-port",
    String(port),
  ]);
  return code === 0 && !/not supported/i.test(output);
}

async function serveForExcelOnTheWeb(reason) {
  if ((await probe(`${base}taskpane.html`)) === 200) {
    console.log(instructions(`The add-in is already being served (another \`npm start\`?). ${reason}`));
    return;
  }
  if (await portTaken()) {
    console.error(`Port ${port} is taken by another server: stop it, then run \`npm start\` again.`);
    process.exitCode = 1;
    return;
  }
  const server = spawn(
    process.execPath,
    [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "serve", "--mode", "development"],
    {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  fs.mkdirSync(path.dirname(pidFile), { recursive: true });
  fs.writeFileSync(pidFile, String(process.pid));
  let stopping = false;
  const stop = () => {
    stopping = true;
    server.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("error", (error) => {
    console.error(`Could not start the dev server: ${error.message}`);
    process.exitCode = 1;
  });
  server.on("exit", (code, signal) => {
    fs.rmSync(pidFile, { force: true });
    if (!stopping && (code !== 0 || signal)) {
      console.error("The dev server stopped: see the messages above.");
      process.exitCode = 1;
    }
  });

  // Print the instructions once the first compilation is served, so they are the last thing on screen.
  for (let waited = 0; waited < 180 && server.exitCode === null && !stopping; waited++) {
    if ((await probe(`${base}taskpane.html`)) === 200) {
      console.log(instructions(reason));
      return;
    }
    await sleep(1000);
  }
}

async function main() {
  if (!ensurePackages()) {
    process.exitCode = 1;
    return;
  }
  if (process.platform === "win32" || process.platform === "darwin") {
    if (await sideloadIntoDesktopExcel()) {
      console.log(
        `\nThe add-in is in Excel's Home tab. Workbench: ${base}workbench.html. Stop with \`npm stop\`.`,
      );
      return;
    }
    await serveForExcelOnTheWeb("Sideloading into desktop Excel did not work (see above).");
    return;
  }
  await serveForExcelOnTheWeb("Desktop Excel is not available on this platform.");
}

main().catch((error) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
