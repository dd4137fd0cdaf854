// Where `npm start` records the process serving the add-in, so that `npm stop` can end it from another terminal.
const path = require("path");

module.exports = {
  pidFile: path.join(__dirname, "..", "node_modules", ".cache", "career-matrix", "dev-server.pid"),
};
