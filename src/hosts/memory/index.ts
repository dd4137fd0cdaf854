/**
 * The in-memory workbook: `new MemoryWorkbook()` starts with "Sheet1"; pass `book.run` where Excel.run would go
 * (e.g. `new OfficeHost(book.run)`), `book.useSpecValues(specs)` to show formula cells' computed values, and draw
 * `book.snapshot()` (WorkbookSnapshot, in ./snapshot.ts). `syncCount`, `requests` and `failAt`/`failWhen` serve
 * tests and benchmarks.
 */
export {
  MemoryWorkbook,
  REQUEST_LIMIT_BYTES,
  type OperationInfo,
  type RequestRecord,
} from "./memory-workbook";
export type { CellLook } from "./state";
export type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
export { OfficeError } from "./errors";
