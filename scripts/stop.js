// `npm stop`: undoes `npm start`. Where it sideloaded into desktop Excel, office-addin-debugging unregisters the
// add-in and stops its dev server; elsewhere this stops the dev server `npm start` is running in another terminal.
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { pidFile } = require("./dev-server-pid");

const root = path.join(__dirname, "..");

function stopDevServer() {
  let pid;
  try {
    pid = Number(fs.readFileSync(pidFile, "utf8"));
  } catch {
    console.log("No dev server started by `npm start` is running.");
    return;
  }
  try {
    process.kill(pid, "SIGTERM");
    console.log(`Stopped the dev server (process ${pid}).`);
  } catch {
    console.log("No dev server started by `npm start` is running.");
  }
  fs.rmSync(pidFile, { force: true });
}

if (process.platform === "win32" || process.platform === "darwin") {
  const cli = path.join(root, "node_modules", "office-addin-debugging", "cli.js");
  const result = spawnSync(process.execPath, [cli, "stop", "manifest.xml"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) stopDevServer();
} else {
  stopDevServer();
}
