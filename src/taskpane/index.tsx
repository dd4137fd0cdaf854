/**
 * The task pane inside Excel: the commands get an Office host over Excel.run and the bundled framework. Opened
 * outside Excel (a plain browser), it says where to go instead.
 */
import { FluentProvider, Link, Text } from "@fluentui/react-components";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { failureFromUrl } from "../commands/failure-dialog";
import { bundledFramework } from "../data";
import { OfficeHostOnDemand } from "../hosts/office/office-host-on-demand";
import { App } from "./App";
import { downloadFile, ServicesProvider, type PaneServices } from "./services";
import { fluentTheme } from "./theme";
import { officeThemeSource, systemThemeSource, useThemeName, type ThemeSource } from "./use-theme-name";

function Pane({ themeSource, services }: { themeSource: ThemeSource; services: PaneServices | undefined }) {
  const theme = fluentTheme(useThemeName(themeSource));
  // Opened by a ribbon command as a dialog to report its failure.
  const failure = failureFromUrl(window.location.search);
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
          <Text as="p" block>
            This is the Career Matrix task pane: open it from the Home tab in Excel. To try the add-in without
            Excel, open the <Link href="workbench.html">workbench</Link>.
          </Text>
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

void officeReady().then((host) => {
  const inExcel = host !== null && host === Office.HostType.Excel;
  const services: PaneServices | undefined = inExcel
    ? {
        host: new OfficeHostOnDemand(Excel.run),
        framework: bundledFramework(),
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
        />
      </StrictMode>,
    );
  }
});
