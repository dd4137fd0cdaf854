import type { MemoryWorkbook } from "../hosts/memory";
import type { WorkbookHost } from "../workbook/host";

/**
 * The pane's host in the workbench: every call goes through to the real host over the memory workbook, which then
 * tells the page to redraw. Formula cells show the values the specs carry, since the memory workbook does not
 * calculate (Excel would).
 */
export function observedHost(host: WorkbookHost, memory: MemoryWorkbook, changed: () => void): WorkbookHost {
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
    update: (read, write) =>
      after(
        host.update(read, (view) => {
          const change = write(view);
          memory.useSpecValues(change.specs);
          return change;
        }),
      ),
    writeSheets: (specs, options) => {
      memory.useSpecValues(specs);
      return after(host.writeSheets(specs, options));
    },
    select: (key, a1) => after(host.select(key, a1)),
    ...(host.watchSheet && { watchSheet: host.watchSheet.bind(host) }),
  };
}
