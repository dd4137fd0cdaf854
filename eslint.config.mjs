import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import importX, { createNodeResolver } from "eslint-plugin-import-x";

export default tseslint.config(
  { ignores: ["dist/", "build/", "node_modules/", "coverage/", "test-results/", "bench-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    languageOptions: { globals: { ...globals.node } },
    // Build scripts, configs and the bin are CommonJS by design: Node and webpack load them with require.
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // No module may depend on itself through others: each layer builds on the ones below it only.
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": [".ts", ".tsx"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".json"] })],
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    // Sheet specs are pure descriptions of sheets: no host, command or pane code.
    files: ["src/sheets/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "**/hosts/*",
            "**/hosts/**",
            "**/taskpane/**",
            "**/workbook/**",
            "**/workbench/**",
            "exceljs",
          ],
        },
      ],
    },
  },
  {
    // Commands are written against the WorkbookHost interface, never a particular host.
    files: ["src/workbook/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["**/hosts/*", "**/hosts/**", "**/taskpane/**", "**/workbench/**", "exceljs"] },
      ],
    },
  },
  {
    // The pane gets its host from its entry point (index.tsx); the export chunk, loaded on first export, is the
    // other entry and holds the .xlsx host. Everything else in the pane sees only WorkbookHost.
    files: ["src/taskpane/**/*.{ts,tsx}"],
    ignores: ["src/taskpane/index.tsx", "src/taskpane/export/export-files.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["**/hosts/*", "**/hosts/**", "exceljs"] }],
    },
  },
  {
    // Pure domain code must not reach for Office, React or the DOM.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["react", "react-dom", "@fluentui/*", "office-js", "exceljs", "fs", "node:*"] },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", "document", "window"],
    },
  },
);
