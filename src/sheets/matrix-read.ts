/**
 * Reads a matrix sheet a manager edited back into a track: every cell that cannot be used becomes a problem pointing
 * at it (never a silent drop), and every difference from the base matrix becomes a change the task pane can show
 * before a refresh replaces it.
 */
import type { CompetencyId, LevelId, TrackId } from "../core/framework";
import type {
  CareerMatrix,
  MatrixCompetency,
  MatrixExpectation,
  MatrixLevel,
  TrackMatrix,
} from "../core/matrix";
import { COMPETENCY_LABEL_MAX } from "../core/framework";
import type { Cell, Problem } from "../core/types";
import { a1 } from "./a1";
import { AREA_HEADER, ID_HEADER, LABEL_HEADER } from "./matrix-sheet";

export interface MatrixChange {
  kind: "added" | "removed" | "renamed" | "label" | "area" | "value" | "descriptor";
  competency: CompetencyId;
  level?: LevelId;
  /** Where the change is on the sheet (absent for a removed competency). */
  cell?: string;
  message: string;
}

export interface MatrixRead {
  track: TrackMatrix;
  problems: Problem[];
  changes: MatrixChange[];
}

/** How many rows from the top the header (Competency | levels… | Short label | Area | Id) may be. */
const HEADER_SEARCH_ROWS = 12;

export function readMatrixSheet(
  values: Cell[][],
  base: CareerMatrix,
  trackId: TrackId,
  sheet: string,
): MatrixRead {
  const baseTrack = base.tracks.find((t) => t.id === trackId);
  if (!baseTrack) throw new Error(`Track "${trackId}" is not in the career matrix.`);
  const problems: Problem[] = [];
  const report = (severity: Problem["severity"], row: number, column: number, message: string): void => {
    problems.push({ severity, message, sheet, cell: a1(row, column), row: row + 1, column: column + 1 });
  };

  // Columns are found by their headers, so a sheet built with Area | Competency | Id in front still reads, and so does
  // one where the user moved a column.
  const headerRow = values
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((row) => row.some((c) => norm(c) === "area") && row.some((c) => norm(c) === "competency"));
  if (headerRow < 0) {
    problems.push({
      severity: "error",
      sheet,
      cell: a1(0, 0),
      row: 1,
      column: 1,
      message: `No header row with "Competency", the levels and "Area" in the first ${HEADER_SEARCH_ROWS} rows: rebuild the matrix sheet from the task pane.`,
    });
    return { track: baseTrack, problems, changes: [] };
  }

  const header = values[headerRow];
  const columnOf = (title: string): number => header.findIndex((c) => norm(c) === title.toLowerCase());
  const nameColumn = columnOf("competency");
  const areaColumn = columnOf(AREA_HEADER);
  const idColumn = columnOf(ID_HEADER);
  const labelColumn = columnOf(LABEL_HEADER);
  const named = new Set([nameColumn, areaColumn, idColumn, labelColumn]);
  const levelColumns = new Map<LevelId, number>();
  header.forEach((cell, column) => {
    if (named.has(column) || norm(cell) === "") return;
    // A header carries the level's grade where known ("… Engineer (grade 10)"); the title alone reads too.
    const title = norm(cell).replace(/\s*\(grade \d+\)$/, "");
    const level = baseTrack.levels.find((l) => [l.title, l.name, l.id].some((t) => norm(t) === title));
    if (level && !levelColumns.has(level.id)) levelColumns.set(level.id, column);
    else if (!level)
      report(
        "warning",
        headerRow,
        column,
        `"${text(cell)}" is not a level of ${baseTrack.name}: this column is not read.`,
      );
  });
  for (const level of baseTrack.levels) {
    if (!levelColumns.has(level.id))
      problems.push({
        severity: "warning",
        sheet,
        cell: a1(headerRow, nameColumn),
        row: headerRow + 1,
        column: nameColumn + 1,
        message: `No column for ${level.title}: its expectations are taken from the bundled framework. Rebuild the sheet to get the column back.`,
      });
  }

  const subHeader = values[headerRow + 1] ?? [];
  const firstLevelColumn = Math.min(...levelColumns.values());
  const firstDataRow = norm(subHeader[firstLevelColumn]) === "value" ? headerRow + 2 : headerRow + 1;
  const context: RowContext = {
    base,
    baseTrack,
    levelColumns,
    nameColumn,
    areaColumn,
    idColumn,
    labelColumn,
    report,
    usedIds: new Map(),
    seenIds: new Map(),
  };

  const competencies: MatrixCompetency[] = [];
  let groupArea: string | undefined;
  for (let row = firstDataRow; row < values.length; row++) {
    const read = readRow(values[row] ?? [], row, groupArea, context);
    if (read.groupArea) groupArea = read.groupArea;
    if (read.competency) {
      groupArea = read.competency.area;
      competencies.push(read.competency);
      context.usedIds.set(read.competency.id, row);
    }
  }

  const areaOrder = new Map(base.areas.map((a, i) => [a.id, i]));
  competencies.sort((x, y) => (areaOrder.get(x.area) ?? 0) - (areaOrder.get(y.area) ?? 0));
  for (const competency of competencies) checkRising(competency, baseTrack.levels, context);

  const track: TrackMatrix = { ...baseTrack, competencies };
  return { track, problems, changes: diff(baseTrack, competencies, context) };
}

interface RowContext {
  base: CareerMatrix;
  baseTrack: TrackMatrix;
  levelColumns: Map<LevelId, number>;
  nameColumn: number;
  areaColumn: number;
  /** -1 on a sheet without the column: ids are then made from the names. */
  idColumn: number;
  /** -1 on a sheet without the column (built before it existed): labels then come from the framework. */
  labelColumn: number;
  report: (severity: Problem["severity"], row: number, column: number, message: string) => void;
  /** Competency id → 0-based row it was read from. */
  usedIds: Map<CompetencyId, number>;
  /** Every id on the sheet, read or not: a row with a problem is not a removed competency. */
  seenIds: Map<CompetencyId, number>;
}

function readRow(
  cells: Cell[],
  row: number,
  groupArea: string | undefined,
  context: RowContext,
): { competency?: MatrixCompetency; groupArea?: string } {
  const { base, baseTrack, levelColumns, nameColumn, areaColumn, idColumn, report } = context;
  const areaText = text(cells[areaColumn]);
  const name = text(cells[nameColumn]);
  const idText = idColumn < 0 ? "" : text(cells[idColumn]);
  const levelCellsBlank = [...levelColumns.values()].every(
    (c) => text(cells[c]) === "" && text(cells[c + 1]) === "",
  );
  if (idText === "" && levelCellsBlank) {
    // An area's band: its name alone, under Competency (or under Area, on a sheet with Area in front).
    const band = name === "" ? areaText : areaText === "" ? name : "";
    const bandColumn = name === "" ? areaColumn : nameColumn;
    if (name === "" && areaText === "") return {};
    const area = band === "" ? undefined : findArea(base, band);
    if (area) return { groupArea: area.id };
    if (name === "") {
      report(
        "warning",
        row,
        bandColumn,
        `"${band}" is neither an area nor a competency: this row is not read.`,
      );
      return {};
    }
  }
  if (idText !== "") {
    const earlier = context.seenIds.get(idText);
    if (earlier !== undefined) {
      report(
        "error",
        row,
        idColumn,
        `Id "${idText}" is already used on row ${earlier + 1}: give this competency its own id, or clear it to have one made from the name.`,
      );
      return {};
    }
    context.seenIds.set(idText, row);
  }
  if (name === "") {
    report(
      "error",
      row,
      nameColumn,
      "The competency has no name: type its name, or clear the whole row to remove it.",
    );
    return {};
  }

  const baseCompetency = idText ? baseTrack.competencies.find((c) => c.id === idText) : undefined;
  let area: string | undefined;
  if (areaText !== "") {
    area = findArea(base, areaText)?.id;
    if (!area) {
      const names = base.areas.map((a) => a.name).join(", ");
      report("error", row, areaColumn, `"${areaText}" is not an area: pick one of ${names}.`);
      return {};
    }
  } else area = baseCompetency?.area ?? groupArea;
  if (!area) {
    report("error", row, areaColumn, `"${name}" has no area: pick one from the list.`);
    return {};
  }

  const id = idText || uniqueId(slug(name), context);
  context.seenIds.set(id, row);

  const scale = base.scale.map((p) => p.value);
  const expectations: Partial<Record<LevelId, MatrixExpectation>> = {};
  // A wrong cell costs only its level: the competency stays scored (its ratings still count) with the bundled
  // expectation there, while the error points at the cell.
  let wrongCells = false;
  const keepBundled = (level: LevelId): void => {
    const kept = baseCompetency?.expectations[level];
    if (kept) expectations[level] = kept;
  };
  const wrongCell = (level: LevelId, column: number, message: string): void => {
    wrongCells = true;
    keepBundled(level);
    const kept = expectations[level];
    const meanwhile = kept ? ` Until then the bundled expectation, ${kept.value}, is used.` : "";
    report("error", row, column, message + meanwhile);
  };
  for (const level of baseTrack.levels) {
    const column = levelColumns.get(level.id);
    if (column === undefined) {
      keepBundled(level.id);
      continue;
    }
    const rawValue = cells[column];
    const descriptor = text(cells[column + 1]);
    if (text(rawValue) === "") {
      if (descriptor !== "") {
        wrongCell(
          level.id,
          column,
          `The expectation of "${name}" at ${level.title} has its text but no value: pick a value (${scale.join(", ")}), or clear the text.`,
        );
      }
      continue;
    }
    const value = typeof rawValue === "number" ? rawValue : Number(text(rawValue));
    if (!scale.includes(value)) {
      wrongCell(
        level.id,
        column,
        `"${text(rawValue)}" is not on the scale for "${name}" at ${level.title}: pick one of ${scale.join(", ")}.`,
      );
      continue;
    }
    if (descriptor === "")
      report(
        "warning",
        row,
        column + 1,
        `"${name}" at ${level.title} has no expectation text: say what is expected.`,
      );
    expectations[level.id] = { value, descriptor };
  }
  if (Object.keys(expectations).length === 0) {
    if (wrongCells) return {};
    const firstColumn = Math.min(...levelColumns.values());
    report(
      "error",
      row,
      firstColumn,
      `"${name}" has no expectation at any level: give it a value at one level at least.`,
    );
    return {};
  }
  const competency: MatrixCompetency = { id, name, area, expectations };
  // Which specialisation a competency belongs to is framework data, not a cell: a row keeps its competency's.
  if (baseCompetency?.specialisation !== undefined) competency.specialisation = baseCompetency.specialisation;
  const label =
    context.labelColumn < 0 ? baseCompetency?.label : text(cells[context.labelColumn]) || undefined;
  if (label !== undefined) {
    competency.label = label;
    if (label.length > COMPETENCY_LABEL_MAX)
      report(
        "warning",
        row,
        context.labelColumn,
        `The short label of "${name}" has ${label.length} characters: keep it to ${COMPETENCY_LABEL_MAX} so heatmap columns stay narrow (a framework file cannot keep a longer one).`,
      );
  }
  return { competency };
}

/** Expectations should not fall as the level rises on a path (a warning: the sheet is still used). */
function checkRising(competency: MatrixCompetency, levels: MatrixLevel[], context: RowContext): void {
  const row = context.usedIds.get(competency.id);
  if (row === undefined) return;
  for (const level of levels) {
    const below = previousLevel(level, levels);
    const here = competency.expectations[level.id];
    const under = below && competency.expectations[below.id];
    const column = context.levelColumns.get(level.id);
    if (!here || !under || !below || column === undefined || here.value >= under.value) continue;
    context.report(
      "warning",
      row,
      column,
      `"${competency.name}" expects ${here.value} at ${level.title}, less than ${under.value} at ${below.title}: expectations should not fall as the level rises.`,
    );
  }
}

/** The level just below on the same path; the first management level follows the IC level below its rank. */
function previousLevel(level: MatrixLevel, levels: MatrixLevel[]): MatrixLevel | undefined {
  const lower = (path: string): MatrixLevel | undefined =>
    levels
      .filter((l) => l.path === path && l.rank < level.rank)
      .reduce<MatrixLevel | undefined>((best, l) => (!best || l.rank > best.rank ? l : best), undefined);
  return lower(level.path) ?? (level.path === "management" ? lower("ic") : undefined);
}

function diff(baseTrack: TrackMatrix, competencies: MatrixCompetency[], context: RowContext): MatrixChange[] {
  const changes: MatrixChange[] = [];
  const cellOf = (id: CompetencyId, column: number): string | undefined => {
    const row = context.usedIds.get(id);
    return row === undefined ? undefined : a1(row, column);
  };
  for (const competency of competencies) {
    const before = baseTrack.competencies.find((c) => c.id === competency.id);
    const id = competency.id;
    if (!before) {
      changes.push({
        kind: "added",
        competency: id,
        cell: cellOf(id, context.nameColumn),
        message: `Added "${competency.name}".`,
      });
      continue;
    }
    if (before.name !== competency.name)
      changes.push({
        kind: "renamed",
        competency: id,
        cell: cellOf(id, context.nameColumn),
        message: `Renamed "${before.name}" to "${competency.name}".`,
      });
    if ((before.label ?? "") !== (competency.label ?? ""))
      changes.push({
        kind: "label",
        competency: id,
        cell: context.labelColumn < 0 ? undefined : cellOf(id, context.labelColumn),
        message: `"${competency.name}": short label ${before.label ? `"${before.label}"` : "none"} → ${competency.label ? `"${competency.label}"` : "none"}.`,
      });
    if (before.area !== competency.area)
      changes.push({
        kind: "area",
        competency: id,
        cell: cellOf(id, context.areaColumn),
        message: `Moved "${competency.name}" to another area.`,
      });
    for (const level of baseTrack.levels) {
      const column = context.levelColumns.get(level.id);
      if (column === undefined) continue;
      const was = before.expectations[level.id];
      const now = competency.expectations[level.id];
      if ((was?.value ?? null) !== (now?.value ?? null))
        changes.push({
          kind: "value",
          competency: id,
          level: level.id,
          cell: cellOf(id, column),
          message: `"${competency.name}" at ${level.title}: ${was?.value ?? "none"} → ${now?.value ?? "none"}.`,
        });
      else if (was && now && tidy(was.descriptor) !== tidy(now.descriptor))
        changes.push({
          kind: "descriptor",
          competency: id,
          level: level.id,
          cell: cellOf(id, column + 1),
          message: `"${competency.name}" at ${level.title}: expectation edited.`,
        });
    }
  }
  for (const before of baseTrack.competencies) {
    if (!context.seenIds.has(before.id))
      changes.push({ kind: "removed", competency: before.id, message: `Removed "${before.name}".` });
  }
  return changes;
}

function findArea(base: CareerMatrix, textValue: string): { id: string } | undefined {
  return base.areas.find((a) => norm(a.name) === norm(textValue) || norm(a.id) === norm(textValue));
}

function uniqueId(candidate: string, context: RowContext): CompetencyId {
  const taken = (id: string): boolean =>
    context.seenIds.has(id) || context.baseTrack.competencies.some((c) => c.id === id);
  if (!taken(candidate)) return candidate;
  for (let i = 2; ; i++) if (!taken(`${candidate}-${i}`)) return `${candidate}-${i}`;
}

/** An id made from a name: lower case, words joined by hyphens. */
export function slug(name: string): string {
  const made = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return made || "competency";
}

function text(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
}

function norm(cell: Cell | undefined): string {
  return text(cell).toLowerCase();
}

function tidy(descriptor: string): string {
  return descriptor.replace(/\r\n?/g, "\n").trim();
}
