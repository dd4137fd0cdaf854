/**
 * The task pane inside Excel: the commands get an Office host over Excel.run and the bundled framework. Opened
 * outside Excel (a plain browser), it says where to go instead.
 */
import { FluentProvider, Text } from "@fluentui/react-components";
import { lazy, StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { failureFromUrl } from "../commands/failure-dialog";
import type { Framework } from "../core/framework";
import { OfficeHostOnDemand } from "../hosts/office/office-host-on-demand";
import { App } from "./App";
import { downloadFile, ServicesProvider, type PaneServices } from "./services";
import { fluentTheme } from "./theme";
import { officeThemeSource, systemThemeSource, useThemeName, type ThemeSource } from "./use-theme-name";

const OutsideExcel = lazy(() =>
  import(/* webpackChunkName: "outside-excel" */ "./OutsideExcel").then((m) => ({ default: m.OutsideExcel })),
);

function Pane({
  themeSource,
  services,
  loadFailure,
}: {
  themeSource: ThemeSource;
  services: PaneServices | undefined;
  loadFailure?: { title: string; message: string };
}) {
  const theme = fluentTheme(useThemeName(themeSource));
  // Opened by a ribbon command as a dialog to report its failure.
  const failure = loadFailure ?? failureFromUrl(window.location.search);
  return (
    <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
      {failure ? (
        <main style={{ padding: "16px" }} role="alert">
          <Text as="h1" size={500} weight="semibold" block>
            {failure.title}
          </Text>
          <Text as="p" block style={{ whiteSpace: "pre-wrap" }}>
            {failure.message}
          </Text>
        </main>
      ) : services ? (
        <ServicesProvider services={services}>
          <App />
        </ServicesProvider>
      ) : (
        <main style={{ padding: "16px" }}>
          <Text as="h1" size={500} weight="semibold" block>
            Career Matrix
          </Text>
          {/* Its text loads after the heading: a pane opened in Excel never needs it. */}
          <Suspense fallback={null}>
            <OutsideExcel />
          </Suspense>
        </main>
      )}
    </FluentProvider>
  );
}

/** Resolves once office.js knows where it runs; outside Office (or when office.js did not load) with no host. */
async function officeReady(): Promise<Office.HostType | null> {
  if (typeof Office === "undefined") return null;
  const info = await Office.onReady();
  return info.host ?? null;
}

/**
 * The bundled framework is data, not code: inside Office it is fetched while office.js starts up, so the pane's first
 * script carries none of it and the first screen waits for nothing more than Office.onReady.
 */
function loadFramework(): Promise<Framework> | undefined {
  if (typeof Office === "undefined") return undefined;
  return import(/* webpackChunkName: "bundled-framework" */ "../data").then((data) =>
    data.bundledFramework(),
  );
}

const framework = loadFramework();

/** The framework, or why it could not be had (a file of the add-in that did not arrive). */
async function frameworkOrFailure(): Promise<Framework | { title: string; message: string } | undefined> {
  try {
    return await framework;
  } catch (error) {
    return {
      title: "The add-in did not load completely",
      message: `${error instanceof Error ? error.message : String(error)}\nClose the pane and open it again.`,
    };
  }
}

void officeReady().then(async (host) => {
  const loaded = await frameworkOrFailure();
  const inExcel = host !== null && host === Office.HostType.Excel && loaded !== undefined && "id" in loaded;
  const loadFailure = loaded !== undefined && !("id" in loaded) ? loaded : undefined;
  const services: PaneServices | undefined = inExcel
    ? {
        host: new OfficeHostOnDemand(Excel.run),
        framework: loaded,
        saveFile: downloadFile,
        // Excel.createWorkbook needs ExcelApi 1.8; older Excel gets download only.
        openWorkbook: Office.context.requirements.isSetSupported("ExcelApi", "1.8")
          ? (base64) => Excel.createWorkbook(base64)
          : undefined,
      }
    : undefined;
  const root = document.getElementById("root");
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <Pane
          themeSource={inExcel ? officeThemeSource(Office.context) : systemThemeSource}
          services={services}
          loadFailure={loadFailure}
        />
      </StrictMode>,
    );
  }
});
