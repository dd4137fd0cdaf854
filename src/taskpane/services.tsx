/**
 * What the pane works with, handed in by whoever starts it: the workbook (Excel through Office.js, or the workbench's
 * in-memory workbook) and the framework. Components never reach for Excel themselves.
 */
import { createContext, useContext, type ReactNode } from "react";
import type { Framework } from "../core/framework";
import type { WorkbookHost } from "../workbook/host";

export interface PaneServices {
  host: WorkbookHost;
  framework: Framework;
  /** Hands a file to the user (a download in a browser). */
  saveFile(name: string, data: Blob): void;
  /** Opens .xlsx bytes (base64) as a new Excel workbook; absent where the host cannot (Excel.createWorkbook). */
  openWorkbook?: (base64: string) => Promise<void>;
}

const ServicesContext = createContext<PaneServices | undefined>(undefined);

export function ServicesProvider({ services, children }: { services: PaneServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): PaneServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error("The task pane was rendered without its workbook and framework");
  return services;
}

/** Saves through a temporary <a download>, which every browser host of a task pane supports. */
export function downloadFile(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked on the next turn: some browsers read the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
