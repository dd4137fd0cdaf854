const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
// Where the production build is hosted; the manifest's dev URLs are rewritten to it.
const urlProd = withTrailingSlash(process.env.ADDIN_URL || "https://career-matrix.example.com/");

function withTrailingSlash(url) {
  return url.endsWith("/") ? url : `${url}/`;
}

// Trusted localhost certificates from office-addin-dev-certs. On Linux installing their CA needs sudo, so they are
// used only once installed (`npx office-addin-dev-certs install`); otherwise, or when they fail, the dev server
// makes its own self-signed certificate and the browser asks once to accept it.
async function httpsServer() {
  try {
    const devCerts = require("office-addin-dev-certs");
    if (process.platform === "linux" && !devCerts.verifyCertificates()) {
      console.log("Serving with a self-signed certificate (trusted dev certificates are not installed).");
      return { type: "https" };
    }
    return { type: "https", options: await devCerts.getHttpsServerOptions() };
  } catch (error) {
    const reason = String(error && error.message ? error.message : error).split("\n")[0];
    console.log(`Dev certificates unavailable (${reason}); serving with a self-signed certificate.`);
    return { type: "https" };
  }
}

const pages = [
  { name: "taskpane", entry: "./src/taskpane/index.tsx", template: "./src/taskpane/taskpane.html" },
  { name: "commands", entry: "./src/commands/commands.ts", template: "./src/commands/commands.html" },
  { name: "workbench", entry: "./src/workbench/index.tsx", template: "./src/workbench/workbench.html" },
];

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  return {
    mode: production ? "production" : "development",
    target: ["web", "es2019"],
    devtool: "source-map",
    entry: Object.fromEntries(pages.map((page) => [page.name, page.entry])),
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      // Pages and chunks sit side by side, so lazy chunks load relative to the page; the "auto" default needs a
      // <script> element to find itself, which a page loaded by eval (the built-page tests) does not have.
      publicPath: "",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type errors are reported by `npm run typecheck`; the bundle only needs the transpiled code.
          use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json" } },
        },
        {
          // The bundled framework is checked here, at build time; the bundle gets the checked data, not zod.
          test: path.resolve(__dirname, "src", "data", "checked-data.ts"),
          enforce: "pre",
          use: path.resolve(__dirname, "scripts", "checked-data-loader.js"),
        },
        {
          test: /\.(png|jpe?g|gif|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext]" },
        },
      ],
    },
    plugins: [
      ...pages.map(
        (page) =>
          new HtmlWebpackPlugin({
            filename: `${page.name}.html`,
            template: page.template,
            chunks: [page.name],
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "[name][ext]",
            transform: (content) => (production ? content.toString().split(urlDev).join(urlProd) : content),
          },
        ],
      }),
    ],
    optimization: {
      splitChunks: {
        cacheGroups: {
          // ExcelJS serves export only: it is imported dynamically and must stay out of the first load.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: "exceljs",
            chunks: "async",
            enforce: true,
          },
        },
      },
    },
    // The dev server's console stays readable: problems only, the URLs are printed by `npm start`.
    stats: env.WEBPACK_SERVE ? "errors-warnings" : "normal",
    performance: {
      hints: production ? "warning" : false,
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
    },
    devServer: env.WEBPACK_SERVE
      ? {
          // Only this machine: the pane handles personnel data.
          host: "localhost",
          port: 3000,
          server: await httpsServer(),
          headers: { "Access-Control-Allow-Origin": "*" },
          static: false,
          client: { overlay: { warnings: false } },
        }
      : undefined,
  };
};
