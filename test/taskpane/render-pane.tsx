/** Renders the real task pane over the in-memory workbook: only Excel itself is replaced. */
import "./jsdom-globals";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import { bundledFramework } from "../../src/data";
import { MemoryWorkbook } from "../../src/hosts/memory";
import { OfficeHost } from "../../src/hosts/office/office-host";
import { App } from "../../src/taskpane/App";
import { observedHost } from "../../src/workbench/observed-host";
import { ServicesProvider, type PaneServices } from "../../src/taskpane/services";

export interface PaneUnderTest {
  memory: MemoryWorkbook;
  services: PaneServices;
  saved: { name: string; data: Blob }[];
  /** Unmounts and opens the pane again on the same workbook, as reopening it in Excel would. */
  reopen(): void;
}

export function renderPane(memory = new MemoryWorkbook(["Sheet1"])): PaneUnderTest {
  const saved: { name: string; data: Blob }[] = [];
  const host = new OfficeHost(memory.run);
  const services: PaneServices = {
    host: observedHost(host, () => undefined),
    framework: bundledFramework(),
    saveFile: (name, data) => saved.push({ name, data }),
  };
  const ui = () => (
    <FluentProvider theme={webLightTheme}>
      <ServicesProvider services={services}>
        <App />
      </ServicesProvider>
    </FluentProvider>
  );
  let view = render(ui());
  return {
    memory,
    services,
    saved,
    reopen() {
      view.unmount();
      view = render(ui());
    },
  };
}

export function sheetNames(memory: MemoryWorkbook): string[] {
  return memory.snapshot().sheets.map((s) => s.name);
}
