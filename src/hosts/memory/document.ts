/**
 * Changes to the memory workbook's state, each enforcing the rule Excel enforces for it (unique sheet and table
 * names, at least one visible sheet, array sizes matching the range, ...), so code that works here does not fail
 * in Excel for a reason the tests could have caught.
 */
import type { Cell } from "../../core/types";
import {
  formatRect,
  intersects,
  MAX_COLUMNS,
  MAX_ROWS,
  parseAddress,
  quoteSheet,
  type Rect,
  rectColumns,
  rectRows,
  splitSheet,
} from "./address";
import { OfficeError } from "./errors";
import {
  cellAt,
  emptySheet,
  ensureCell,
  LOOK_KEYS,
  type MemCell,
  type MemSheet,
  type MemState,
  type Visibility,
} from "./state";
import { formulaShifter } from "../../sheets/formula-shift";
import { typedInput } from "./typed-input";
import { sheetNameProblem } from "../../sheets/sheet-names";

/** Larger ranges than this are refused: the add-in never needs them and they would exhaust memory. */
const MAX_CELLS_TOUCHED = 2_000_000;

export function findSheet(state: MemState, name: string): MemSheet | undefined {
  const key = name.toLowerCase();
  return state.sheets.find((s) => s.name.toLowerCase() === key);
}

export function sheetById(state: MemState, id: number): MemSheet | undefined {
  return state.sheets.find((s) => s.id === id);
}

function validateSheetName(state: MemState, name: string, self?: MemSheet): void {
  const problem = sheetNameProblem(name);
  if (problem !== null)
    throw new OfficeError("InvalidArgument", `'${name}' is not a valid sheet name: ${problem}.`);
  const other = findSheet(state, name);
  if (other && other !== self)
    throw new OfficeError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
}

export function addSheet(state: MemState, name?: string): MemSheet {
  let chosen = name;
  if (chosen === undefined) {
    let n = state.sheets.length + 1;
    while (findSheet(state, `Sheet${n}`)) n++;
    chosen = `Sheet${n}`;
  }
  validateSheetName(state, chosen);
  const sheet = emptySheet(state.nextId++, chosen);
  state.sheets.push(sheet);
  if (state.activeSheetId === null) state.activeSheetId = sheet.id;
  return sheet;
}

/** Rewrites references to a sheet in every formula: Excel does this on rename and turns them into #REF! on delete. */
function rewriteReferences(state: MemState, oldName: string, replacement: string): void {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // A formula may quote a sheet name that needs no quotes ('Ratings'!A1) or not (Ratings!A1): both refer to it.
  const quoted = escape(`'${oldName.replace(/'/g, "''")}'`);
  const pattern = new RegExp(`(?<![A-Za-z0-9_.'])(?:${quoted}|${escape(oldName)})!`, "gi");
  for (const sheet of state.sheets) {
    for (const row of sheet.rows) {
      if (!row) continue;
      for (const cell of row) {
        if (cell?.formula && pattern.test(cell.formula)) {
          pattern.lastIndex = 0;
          cell.formula = cell.formula.replace(pattern, replacement);
        }
        pattern.lastIndex = 0;
      }
    }
  }
}

export function renameSheet(state: MemState, sheet: MemSheet, name: string): void {
  if (sheet.name === name) return;
  validateSheetName(state, name, sheet);
  const old = sheet.name;
  sheet.name = name;
  rewriteReferences(state, old, `${quoteSheet(name)}!`);
}

function visibleCount(state: MemState): number {
  return state.sheets.filter((s) => s.visibility === "Visible").length;
}

function activateFirstVisible(state: MemState): void {
  state.activeSheetId = state.sheets.find((s) => s.visibility === "Visible")?.id ?? null;
  state.selection = null;
}

export function deleteSheet(state: MemState, sheet: MemSheet): void {
  if (sheet.visibility === "VeryHidden")
    throw new OfficeError(
      "InvalidOperation",
      `The sheet '${sheet.name}' is very hidden; make it visible or hidden before deleting it.`,
    );
  if (sheet.visibility === "Visible" && visibleCount(state) === 1) {
    throw new OfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
  }
  state.sheets = state.sheets.filter((s) => s !== sheet);
  for (const name of state.names) if (name.sheetId === sheet.id) name.sheetId = null;
  rewriteReferences(state, sheet.name, "#REF!");
  if (state.activeSheetId === sheet.id) activateFirstVisible(state);
}

export function setVisibility(state: MemState, sheet: MemSheet, visibility: string): void {
  if (visibility !== "Visible" && visibility !== "Hidden" && visibility !== "VeryHidden") {
    throw new OfficeError("InvalidArgument", `'${visibility}' is not a sheet visibility.`);
  }
  if (visibility !== "Visible" && sheet.visibility === "Visible" && visibleCount(state) === 1) {
    throw new OfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
  }
  sheet.visibility = visibility as Visibility;
  if (visibility !== "Visible" && state.activeSheetId === sheet.id) activateFirstVisible(state);
}

export function setPosition(state: MemState, sheet: MemSheet, position: number): void {
  if (!Number.isInteger(position) || position < 0 || position >= state.sheets.length) {
    throw new OfficeError(
      "InvalidArgument",
      `Position ${position} is outside the workbook's ${state.sheets.length} sheets.`,
    );
  }
  state.sheets = state.sheets.filter((s) => s !== sheet);
  state.sheets.splice(position, 0, sheet);
}

export function activate(state: MemState, sheet: MemSheet): void {
  if (sheet.visibility !== "Visible")
    throw new OfficeError("InvalidOperation", `Sheet '${sheet.name}' is hidden and cannot be activated.`);
  state.activeSheetId = sheet.id;
  state.selection = null;
}

export function select(state: MemState, sheet: MemSheet, rect: Rect): void {
  activate(state, sheet);
  state.selection = { sheetId: sheet.id, address: formatRect(rect) };
}

function cellsIn(rect: Rect): number {
  return rectRows(rect) * rectColumns(rect);
}

export function forEachCell(
  sheet: MemSheet,
  rect: Rect,
  visit: (cell: MemCell, row: number, column: number) => void,
): void {
  if (cellsIn(rect) > MAX_CELLS_TOUCHED) {
    throw new OfficeError(
      "InvalidOperation",
      `The memory workbook does not format ranges as large as ${formatRect(rect)}.`,
    );
  }
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) visit(ensureCell(sheet, r, c), r, c);
  }
}

function checkShape(rect: Rect, matrix: unknown[][], property: string): void {
  if (
    !Array.isArray(matrix) ||
    matrix.length !== rectRows(rect) ||
    matrix.some((row) => !Array.isArray(row) || row.length !== rectColumns(rect))
  ) {
    throw new OfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property} for ${formatRect(rect)}).`,
    );
  }
}

/** Writing `values` or `formulas`: each cell parsed as typed input; null leaves the cell as it is. */
export function writeCells(sheet: MemSheet, rect: Rect, matrix: Cell[][], property: string): void {
  checkShape(rect, matrix, property);
  matrix.forEach((row, i) =>
    row.forEach((input, j) => {
      const stored = typedInput(input);
      if (stored.kind === "skip") return;
      const cell = ensureCell(sheet, rect.top + i, rect.left + j);
      if (stored.kind === "clear") {
        cell.value = null;
        delete cell.formula;
      } else if (stored.kind === "formula") {
        cell.value = null;
        cell.formula = stored.formula;
      } else {
        cell.value = stored.value;
        delete cell.formula;
      }
    }),
  );
}

export function writeNumberFormats(sheet: MemSheet, rect: Rect, matrix: string[][]): void {
  checkShape(rect, matrix, "numberFormat");
  matrix.forEach((row, i) =>
    row.forEach((format, j) => {
      if (format === null) return;
      if (typeof format !== "string")
        throw new OfficeError("InvalidArgument", `Number format ${String(format)} is not text.`);
      ensureCell(sheet, rect.top + i, rect.left + j).numberFormat = format;
    }),
  );
}

export function readMatrix<T>(
  sheet: MemSheet,
  rect: Rect,
  read: (cell: MemCell | undefined, row: number, column: number) => T,
): T[][] {
  if (cellsIn(rect) > MAX_CELLS_TOUCHED) {
    throw new OfficeError(
      "InvalidOperation",
      `The memory workbook does not read ranges as large as ${formatRect(rect)}.`,
    );
  }
  const out: T[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: T[] = [];
    for (let c = rect.left; c <= rect.right; c++) row.push(read(cellAt(sheet, r, c), r, c));
    out.push(row);
  }
  return out;
}

function hasContent(cell: MemCell | undefined): boolean {
  return !!cell && (cell.formula !== undefined || cell.value !== null);
}

function hasAnything(cell: MemCell | undefined): boolean {
  return !!cell && Object.entries(cell).some(([k, v]) => (k === "value" ? v !== null : v !== undefined));
}

/** Bounds of the cells with a value or formula (valuesOnly) or with anything set; undefined when empty. */
export function usedRect(sheet: MemSheet, valuesOnly: boolean): Rect | undefined {
  const test = valuesOnly ? hasContent : hasAnything;
  let rect: Rect | undefined;
  sheet.rows.forEach((row, i) => {
    row?.forEach((cell, c) => {
      if (!test(cell)) return;
      const r = i + 1;
      rect = rect
        ? {
            top: Math.min(rect.top, r),
            bottom: Math.max(rect.bottom, r),
            left: Math.min(rect.left, c),
            right: Math.max(rect.right, c),
          }
        : { top: r, bottom: r, left: c, right: c };
    });
  });
  return rect;
}

export function merge(sheet: MemSheet, rect: Rect, across: boolean): void {
  const pieces = across
    ? Array.from({ length: rectRows(rect) }, (_, i) => ({ ...rect, top: rect.top + i, bottom: rect.top + i }))
    : [rect];
  for (const piece of pieces) {
    if (sheet.merges.some((m) => intersects(m, piece)))
      throw new OfficeError(
        "InvalidOperation",
        `Cannot merge ${formatRect(piece)}: it overlaps a merged range.`,
      );
    if (sheet.tables.some((t) => intersects(t.rect, piece)))
      throw new OfficeError("InvalidOperation", `Cannot merge ${formatRect(piece)}: it overlaps a table.`);
  }
  for (const piece of pieces) {
    // Excel keeps only the top-left cell's content.
    forEachCell(sheet, piece, (cell, r, c) => {
      if (r !== piece.top || c !== piece.left) {
        cell.value = null;
        delete cell.formula;
      }
    });
    sheet.merges.push(piece);
  }
}

export function freeze(sheet: MemSheet, rows: number, columns: number): void {
  // Freeze panes act on the sheet's window view, which a hidden sheet does not have (office-js #1463, #2196).
  if (sheet.visibility !== "Visible")
    throw new OfficeError("InvalidOperation", `Cannot freeze panes on the hidden sheet '${sheet.name}'.`);
  if (rows < 0 || columns < 0 || rows >= MAX_ROWS || columns >= MAX_COLUMNS)
    throw new OfficeError("InvalidArgument", "Invalid freeze panes.");
  sheet.freeze = { rows, columns };
}

const NAME_PATTERN = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

/** Defined names and table names share one namespace and one syntax. */
export function validateName(state: MemState, name: string, self?: object): void {
  if (
    !NAME_PATTERN.test(name) ||
    name.length > 255 ||
    /^[A-Za-z]{1,3}[0-9]+$/.test(name) ||
    /^[rRcC]$/.test(name)
  ) {
    throw new OfficeError(
      "InvalidArgument",
      `'${name}' is not a valid name: letters, digits, underscores and dots, not a cell reference.`,
    );
  }
  const key = name.toLowerCase();
  const clash =
    state.names.find((n) => n.name.toLowerCase() === key && n !== self) ??
    state.sheets.flatMap((s) => s.tables).find((t) => t.name.toLowerCase() === key && t !== self);
  if (clash)
    throw new OfficeError(
      "ItemAlreadyExists",
      `The name '${name}' is already used by a name or table in this workbook.`,
    );
}

/** "='My sheet'!$A$1" or "Sheet1!A1" -> the sheet and the absolute address. */
export function resolveReference(state: MemState, reference: string): { sheet: MemSheet; address: string } {
  const text = reference.startsWith("=") ? reference.slice(1) : reference;
  const { sheet: sheetName, local } = splitSheet(text);
  const sheet = sheetName === undefined ? undefined : findSheet(state, sheetName);
  if (!sheet)
    throw new OfficeError(
      "InvalidArgument",
      `The reference '${reference}' does not name a sheet of this workbook.`,
    );
  const rect = parseAddress(local);
  const abs = formatRect(rect).replace(/([A-Z]+)([0-9]+)/g, "$$$1$$$2");
  return { sheet, address: abs };
}

export function addTable(state: MemState, sheet: MemSheet, rect: Rect, hasHeaders: boolean): void {
  if (sheet.tables.some((t) => intersects(t.rect, rect)))
    throw new OfficeError("InvalidOperation", `A table cannot overlap another table (${formatRect(rect)}).`);
  if (sheet.merges.some((m) => intersects(m, rect)))
    throw new OfficeError("InvalidOperation", `A table cannot contain merged cells (${formatRect(rect)}).`);
  let n = 1;
  const taken = () =>
    state.sheets.some((s) => s.tables.some((t) => t.name.toLowerCase() === `table${n}`)) ||
    state.names.some((x) => x.name.toLowerCase() === `table${n}`);
  while (taken()) n++;
  if (hasHeaders) {
    for (let c = rect.left; c <= rect.right; c++) {
      const cell = ensureCell(sheet, rect.top, c);
      if (cell.value === null && cell.formula === undefined) cell.value = `Column${c - rect.left + 1}`;
    }
  }
  sheet.tables.push({ id: state.nextId++, name: `Table${n}`, rect, hasHeaders, style: "TableStyleMedium2" });
}

export function removeValidations(sheet: MemSheet, rect: Rect): void {
  sheet.validations = sheet.validations.filter((v) => !intersects(v.rect, rect));
}

/** How many times a destination holds its source along one side: whole multiples repeat it, anything else once. */
function repeats(destination: number, source: number): number {
  return destination >= source && destination % source === 0 ? destination / source : 1;
}

/**
 * Range.copyFrom as Excel does it: the destination is expanded to the source's size, or repeats the source when it
 * is a whole multiple of it; formulas move their relative references by how far each copy moves. Copying formats of
 * merged cells or conditional formats (which Excel carries along) is not modelled and is refused.
 */
export function copyRange(
  source: { sheet: MemSheet; rect: Rect },
  target: { sheet: MemSheet; rect: Rect },
  copyType: string,
  skipBlanks: boolean,
  shown: (sheet: MemSheet, row: number, column: number) => Cell,
): void {
  const contents = copyType === "All" || copyType === "Formulas";
  const formats = copyType === "All" || copyType === "Formats";
  if (!contents && !formats && copyType !== "Values")
    throw new OfficeError("InvalidArgument", `'${copyType}' is not a copy type the memory workbook copies.`);
  const rows = rectRows(source.rect);
  const columns = rectColumns(source.rect);
  const top = target.rect.top;
  const left = target.rect.left;
  const rect: Rect = {
    top,
    left,
    bottom: top + rows * repeats(rectRows(target.rect), rows) - 1,
    right: left + columns * repeats(rectColumns(target.rect), columns) - 1,
  };
  if (rect.bottom > MAX_ROWS || rect.right >= MAX_COLUMNS)
    throw new OfficeError("InvalidArgument", `The copy to ${formatRect(target.rect)} would leave the sheet.`);
  if (cellsIn(rect) > MAX_CELLS_TOUCHED)
    throw new OfficeError("InvalidOperation", `The memory workbook does not copy onto ${formatRect(rect)}.`);
  const areas = [
    ...source.sheet.merges,
    ...source.sheet.conditionalFormats.map((f) => f.rect),
    ...source.sheet.validations.map((v) => v.rect),
  ];
  if (formats && areas.some((r) => intersects(r, source.rect) && !contains(source.rect, r)))
    throw new OfficeError(
      "NotImplemented",
      "The memory workbook copies merged cells, conditional formats and validation only when the copy holds them whole.",
    );
  if (
    formats &&
    (rect.bottom !== target.rect.top + rows - 1 || rect.right !== left + columns - 1) &&
    areas.some((r) => intersects(r, source.rect))
  )
    throw new OfficeError(
      "NotImplemented",
      "The memory workbook does not repeat merged cells, conditional formats or validation.",
    );
  // Read the whole source first: it may overlap the destination.
  const from = readMatrix(source.sheet, source.rect, (cell, row, column) => ({
    cell: cell ? structuredClone(cell) : undefined,
    row,
    column,
    // Read once, moved to every place it is copied to.
    move: cell?.formula === undefined ? undefined : formulaShifter(cell.formula),
  }));
  forEachCell(target.sheet, rect, (cell, row, column) => {
    const origin = from[(row - top) % rows][(column - left) % columns];
    const copied = origin.cell;
    if (skipBlanks && (!copied || (copied.value === null && copied.formula === undefined))) return;
    if (contents) {
      cell.value = copied?.value ?? null;
      if (origin.move === undefined) delete cell.formula;
      else cell.formula = origin.move(row - origin.row, column - origin.column);
    } else if (copyType === "Values") {
      cell.value =
        copied?.formula === undefined
          ? (copied?.value ?? null)
          : shown(source.sheet, origin.row, origin.column);
      delete cell.formula;
    }
    if (formats) {
      for (const key of LOOK_KEYS) {
        if (copied?.[key] === undefined) delete cell[key];
        else Object.assign(cell, { [key]: structuredClone(copied[key]) });
      }
    }
  });
  if (!formats) return;
  const down = top - source.rect.top;
  const right = left - source.rect.left;
  const moved = (r: Rect): Rect => ({
    top: r.top + down,
    bottom: r.bottom + down,
    left: r.left + right,
    right: r.right + right,
  });
  const inside = (r: Rect) => contains(source.rect, r);
  const merges = source.sheet.merges.filter(inside).map(moved);
  const conditionalFormats = source.sheet.conditionalFormats
    .filter((f) => inside(f.rect))
    .map((f) => ({ ...structuredClone(f), rect: moved(f.rect) }));
  const validations = source.sheet.validations
    .filter((v) => inside(v.rect))
    .map((v) => ({ ...structuredClone(v), rect: moved(v.rect) }));
  // Pasting formats replaces the destination's merges, conditional formats and validation where they overlap.
  target.sheet.merges = [...target.sheet.merges.filter((m) => !intersects(m, rect)), ...merges];
  target.sheet.conditionalFormats = [
    ...target.sheet.conditionalFormats.filter((f) => !intersects(f.rect, rect)),
    ...conditionalFormats,
  ];
  target.sheet.validations = [
    ...target.sheet.validations.filter((v) => !intersects(v.rect, rect)),
    ...validations,
  ];
}

function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom &&
    inner.left >= outer.left &&
    inner.right <= outer.right
  );
}

/**
 * Range.clear: "Contents" removes values and formulas, "Formats" cell formats, merges and conditional formats
 * within the range, "All" both. Data validation stays (Range.dataValidation.clear removes it).
 */
export function clearRange(sheet: MemSheet, rect: Rect, applyTo: string): void {
  if (applyTo !== "All" && applyTo !== "Contents" && applyTo !== "Formats")
    throw new OfficeError(
      "InvalidArgument",
      `'${applyTo}' is not a way to clear a range the memory workbook knows.`,
    );
  const contents = applyTo !== "Formats";
  const formats = applyTo !== "Contents";
  // Only cells that exist are visited, so clearing a whole sheet costs what the sheet holds.
  sheet.rows.forEach((cells, index) => {
    const row = index + 1;
    if (!cells || row < rect.top || row > rect.bottom) return;
    cells.forEach((cell, column) => {
      if (!cell || column < rect.left || column > rect.right) return;
      if (contents) {
        cell.value = null;
        delete cell.formula;
      }
      if (formats) for (const key of LOOK_KEYS) delete cell[key];
    });
  });
  if (formats) {
    const partly = [...sheet.merges, ...sheet.conditionalFormats.map((f) => f.rect)].find(
      (r) => intersects(r, rect) && !contains(rect, r),
    );
    if (partly)
      throw new OfficeError(
        "NotImplemented",
        `The memory workbook does not clear part of ${formatRect(partly)}.`,
      );
    sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
    sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => !intersects(f.rect, rect));
  }
}

export function unmerge(sheet: MemSheet, rect: Rect): void {
  sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
}

export function clearConditionalFormats(sheet: MemSheet, rect: Rect): void {
  const partly = sheet.conditionalFormats.find((f) => intersects(f.rect, rect) && !contains(rect, f.rect));
  if (partly)
    throw new OfficeError(
      "NotImplemented",
      `The memory workbook does not clear part of ${formatRect(partly.rect)}.`,
    );
  sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => !intersects(f.rect, rect));
}
