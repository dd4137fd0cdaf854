import type { WorkbookHost } from "../workbook/host";

/**
 * The pane's host in the workbench: every call goes through to the real host over the memory workbook, which then
 * tells the page to redraw. The memory workbook calculates, so formula cells show what Excel would show.
 */
export function observedHost(host: WorkbookHost, changed: () => void): WorkbookHost {
  const after = async <T>(call: Promise<T>): Promise<T> => {
    try {
      return await call;
    } finally {
      changed();
    }
  };
  return {
    ownedSheets: () => host.ownedSheets(),
    readSheets: (keys) => host.readSheets(keys),
    update: (read, write) => after(host.update(read, write)),
    writeSheets: (specs, options) => after(host.writeSheets(specs, options)),
    select: (key, a1) => after(host.select(key, a1)),
    ...(host.watchSheet && { watchSheet: host.watchSheet.bind(host) }),
    ...(host.watchWorkbook && { watchWorkbook: host.watchWorkbook.bind(host) }),
  };
}
