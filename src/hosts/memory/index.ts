export {
  MemoryWorkbook,
  REQUEST_LIMIT_BYTES,
  type OperationInfo,
  type RequestRecord,
} from "./memory-workbook";
export type { CellLook, SheetSnapshot, WorkbookSnapshot } from "./snapshot";
export { OfficeError } from "./errors";
