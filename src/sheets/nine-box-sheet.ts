/**
 * The 9-box and the status distributions of a calibration session, on one sheet. Every person's readiness at their
 * current and next level, their statuses and their box are live formulas over the Ratings sheet (like the Readiness
 * sheet, with the expectations in a block below), and the box counts, shares and distributions are COUNTIFS over those
 * columns, so they follow a rating changed in the session at once. The session's thresholds and guideline sit in
 * cells at the top: typing another value moves people between boxes live. The names in each box are as scored and
 * redrawn by Score ratings or Refresh heatmaps.
 *
 * The per-person columns live on this sheet rather than pointing at the Readiness sheet because both are written in
 * the same command, and hosts build a new sheet under a temporary name first: a formula pointing at a sheet created
 * in the same write would end as #REF!.
 */
import { DEFAULT_RATING_RULE } from "../core/rating-sources";
import { ratingRuleNote } from "../core/vocabulary";
import { distributions, raterLabel, sessionStatus, teamLabel } from "../core/distributions";
import { EXCEL_MAX_CELL_CHARACTERS } from "../core/excel-limits";
import type { ScoringRules } from "../core/framework";
import type { CareerMatrix } from "../core/matrix";
import { BAND_LABEL, NINE_BOX_BANDS, type NineBoxBand, nineBox } from "../core/nine-box";
import type { Cell, PersonReadiness, Problem, ReadinessStatus } from "../core/types";
import { a1, columnLetter, rangeA1 } from "./a1";
import { blockStyles, type LiveFormulas, personExpectationsKey, personTrackKey } from "./live-formulas";
import { GROUP, HEADER, HELPER, NOTE, TITLE } from "./palette";
import type { SheetSpec, SpecCell, StyledRange } from "./spec";
import { readinessBands, STATUS_LABEL, STATUS_ORDER, statusFormats, statusFormula } from "./status";

import { NINE_BOX_KEY } from "./sheet-keys";
export { NINE_BOX_KEY };
export const NINE_BOX_NAME = "9-box";

/** What a session may set for itself: thresholds for both axes and the most it wants Ready for the next level. */
export interface SessionSettings {
  ready: number;
  almost: number;
  /** Share in [0, 1], or null for none. */
  guideline: number | null;
}

/** 0-based rows of the settings cells, in column B. */
const SETTING_ROW = { ready: 4, almost: 5, minCoverage: 6, guideline: 7 } as const;
const GRID_HEADER = 9;
const BOX_HEADER = 14;
const FIRST_BOX = BOX_HEADER + 1;
const PLACED_ROW = FIRST_BOX + 9;
const APART_ROW = PLACED_ROW + 1;
export const ABOVE_GUIDELINE = "Above guideline";
const BAR = "█";
const BAR_WIDTH = 20;

const PEOPLE_FIELDS = [
  "Person",
  "Team",
  "Rater",
  "Track",
  "Level",
  "Next level",
  "Current readiness",
  "Current coverage",
  "Current status",
  "Next readiness",
  "Next coverage",
  "Next status",
  "Box",
  "Track key",
  "Current key",
  "Next key",
  "Ratings row",
] as const;
const col = (field: (typeof PEOPLE_FIELDS)[number]): string => columnLetter(PEOPLE_FIELDS.indexOf(field));

/** The settings typed on the 9-box sheet, falling back to the framework's for a cell that is not a share. */
export function readSessionSettings(
  values: Cell[][] | undefined,
  scoring: ScoringRules,
  sheet: string,
): { settings: SessionSettings; problems: Problem[] } {
  const settings: SessionSettings = { ready: scoring.ready, almost: scoring.almost, guideline: null };
  const problems: Problem[] = [];
  if (!values) return { settings, problems };
  for (const key of ["ready", "almost", "guideline"] as const) {
    const row = SETTING_ROW[key];
    const cell = values[row]?.[1] ?? null;
    if (cell === null || cell === "") continue;
    if (typeof cell === "number" && cell >= 0 && cell <= 1) settings[key] = cell;
    else
      problems.push({
        severity: "warning",
        sheet,
        cell: a1(row, 1),
        row: row + 1,
        column: 2,
        message: `${String(values[row]?.[0] ?? key)} should be a share between 0% and 100%, not "${String(cell)}": the ${key === "guideline" ? "session goes without a guideline" : "framework's threshold is used"} until it is one.`,
      });
  }
  if (settings.almost > settings.ready) {
    problems.push({
      severity: "warning",
      sheet,
      cell: a1(SETTING_ROW.almost, 1),
      row: SETTING_ROW.almost + 1,
      column: 2,
      message: `The Almost threshold (${percent(settings.almost)}) is above the Ready one (${percent(settings.ready)}): the framework's thresholds are used until Almost is at most Ready.`,
    });
    settings.ready = scoring.ready;
    settings.almost = scoring.almost;
  }
  return { settings, problems };
}

export function nineBoxSheetSpec(
  matrix: CareerMatrix,
  scored: PersonReadiness[],
  live: LiveFormulas,
  settings: SessionSettings,
  name = NINE_BOX_NAME,
): SheetSpec {
  const rules: ScoringRules = { ...matrix.scoring, ready: settings.ready, almost: settings.almost };
  const box = nineBox(matrix.scoring, scored, settings);
  const spread = distributions(matrix.scoring, scored, settings, settings.guideline);
  const setting = (key: keyof typeof SETTING_ROW) => `$B$${SETTING_ROW[key] + 1}`;
  const cells: SpecCell[][] = [
    ["9-box and distributions"],
    [
      "Updates as ratings are typed on the Ratings sheet: counts, shares and statuses follow every rating. Names in the boxes as scored " +
        "(Score ratings or Refresh heatmaps redraws them). Type other thresholds below for this session. " +
        ratingRuleNote(DEFAULT_RATING_RULE),
    ],
    [],
    ["Session thresholds"],
    ["Ready at or above", settings.ready],
    ["Almost at or above", settings.almost],
    ["Minimum coverage (framework)", matrix.scoring.minCoverage],
    ["Guideline: at most this share Ready for the next level", settings.guideline],
    [],
  ];
  const styles: StyledRange[] = [
    { range: "A1", style: TITLE },
    { range: "A2", style: NOTE },
    { range: "A4:B4", style: GROUP },
    { range: "A5:A8", style: { wrap: true, vertical: "center" } },
    { range: `B5:B8`, style: { numberFormat: "0%", horizontal: "center", bold: true } },
  ];

  // The grid: next level Ready at the top, current level below Almost on the left.
  const boxRow = (current: NineBoxBand, next: NineBoxBand) =>
    FIRST_BOX + box.cells.findIndex((c) => c.current === current && c.next === next);
  const bands = NINE_BOX_BANDS;
  cells.push([
    "Next level ↓ · current level →",
    ...bands.map((b) => BAND_LABEL[b]),
    "Share",
    ...bands.map((b) => BAND_LABEL[b]),
  ]);
  for (const next of [...bands].reverse()) {
    const counts = bands.map((current) => {
      const cell = box.cells.find((c) => c.current === current && c.next === next)!;
      return { f: `=D${boxRow(current, next) + 1}`, v: cell.count };
    });
    const shares = bands.map((current) => {
      const cell = box.cells.find((c) => c.current === current && c.next === next)!;
      return { f: `=E${boxRow(current, next) + 1}`, v: cell.share };
    });
    cells.push([BAND_LABEL[next], ...counts, BAND_LABEL[next], ...shares]);
  }
  styles.push(
    { range: rangeA1(GRID_HEADER, 0, GRID_HEADER, 7), style: HEADER },
    { range: rangeA1(GRID_HEADER + 1, 0, GRID_HEADER + 3, 0), style: { bold: true } },
    { range: rangeA1(GRID_HEADER + 1, 4, GRID_HEADER + 3, 4), style: { bold: true } },
    { range: rangeA1(GRID_HEADER + 1, 1, GRID_HEADER + 3, 3), style: { horizontal: "center", fontSize: 14 } },
    {
      range: rangeA1(GRID_HEADER + 1, 5, GRID_HEADER + 3, 7),
      style: { horizontal: "center", numberFormat: "0%" },
    },
  );
  cells.push([]);

  // The nine boxes, named, with live counts and shares and the names as scored.
  // The people's rows come after the sections above them, whose heights are known from the core's results.
  const sectionRows = (rows: number) => Math.max(1, rows) + 3;
  const firstPerson =
    APART_ROW +
    1 +
    sectionRows(box.apart.length) +
    [spread.byLevel, spread.byTeam, spread.byRater]
      .map((rows) => sectionRows(rows.length))
      .reduce((a, b) => a + b) +
    3;
  const lastPerson = Math.max(firstPerson, firstPerson + scored.length - 1);
  const column = (field: (typeof PEOPLE_FIELDS)[number]) =>
    `$${col(field)}$${firstPerson + 1}:$${col(field)}$${lastPerson + 1}`;
  cells.push(["Box", "Current level", "Next level", "People", "Share", "Names (as scored)", "Box key"]);
  styles.push(
    { range: rangeA1(BOX_HEADER, 0, BOX_HEADER, 6), style: HEADER },
    // Counts and shares sit under their headers, not at the far edge of a wide column.
    { range: rangeA1(BOX_HEADER, 3, APART_ROW, 4), style: { horizontal: "center" } },
  );
  const placed = `$D$${PLACED_ROW + 1}`;
  box.cells.forEach((cell, i) => {
    const row = FIRST_BOX + i + 1;
    cells.push([
      cell.name,
      BAND_LABEL[cell.current],
      BAND_LABEL[cell.next],
      { f: `=COUNTIFS(${column("Box")},A${row})`, v: cell.count },
      { f: `=IF(${placed}=0,0,D${row}/${placed})`, v: cell.share },
      namesText(cell.people),
      boxKey(cell.current, cell.next),
    ]);
  });
  const boxCounts = box.cells.map((_, i) => `D${FIRST_BOX + i + 1}`).join("+");
  cells.push(["Placed in the grid", null, null, { f: `=${boxCounts}`, v: box.placed }]);
  cells.push([
    "Listed apart",
    null,
    null,
    { f: `=${scored.length}-${placed}`, v: scored.length - box.placed },
  ]);
  styles.push(
    { range: rangeA1(FIRST_BOX, 4, FIRST_BOX + 8, 4), style: { numberFormat: "0%" } },
    { range: rangeA1(FIRST_BOX, 5, FIRST_BOX + 8, 5), style: { wrap: true, vertical: "top" } },
    { range: rangeA1(FIRST_BOX, 6, FIRST_BOX + 8, 6), style: HELPER },
    { range: rangeA1(PLACED_ROW, 0, APART_ROW, 3), style: { bold: true } },
  );

  const section = (title: string): void => {
    cells.push([]);
    styles.push({ range: rangeA1(cells.length, 0, cells.length, 0), style: { bold: true, fontSize: 12 } });
    cells.push([title]);
  };
  section("Listed apart (as scored)");
  cells.push(["Person", "Reason"]);
  styles.push({ range: rangeA1(cells.length - 1, 0, cells.length - 1, 1), style: HEADER });
  for (const apart of box.apart) cells.push([apart.person, apart.reason]);
  if (box.apart.length === 0) cells.push(["Nobody"]);

  // Distributions of the next level's status, per level, team and rater, against the guideline.
  const statusHeader = STATUS_ORDER.map((s) => STATUS_LABEL[s]);
  const distribution = (
    title: string,
    first: string,
    second: string | null,
    rows: { keys: [string, string | null]; row: (typeof spread.byTeam)[number] }[],
    match: [(typeof PEOPLE_FIELDS)[number], (typeof PEOPLE_FIELDS)[number] | null],
  ): void => {
    section(title);
    const header = cells.length + 1;
    cells.push([first, second, ...statusHeader, "People", "Ready share", "Ready (bar)", "Guideline"]);
    styles.push({ range: rangeA1(cells.length - 1, 0, cells.length - 1, 9), style: HEADER });
    const top = cells.length;
    styles.push({
      range: rangeA1(top - 1, 2, top + Math.max(rows.length, 1) - 1, 7),
      style: { horizontal: "center" },
    });
    for (const { keys, row: entry } of rows) {
      const r = cells.length + 1;
      const criteria =
        `${column(match[0])},$A${r}` + (match[1] === null ? "" : `,${column(match[1])},$B${r}`);
      cells.push([
        keys[0],
        keys[1],
        ...STATUS_ORDER.map((s, i) => ({
          f: `=COUNTIFS(${criteria},${column("Next status")},${columnLetter(2 + i)}$${header})`,
          v: entry.counts[s],
        })),
        { f: `=C${r}+D${r}+E${r}+F${r}`, v: entry.people },
        { f: `=IF(G${r}=0,0,C${r}/G${r})`, v: entry.readyShare },
        { f: `=REPT("${BAR}",H${r}*${BAR_WIDTH})`, v: BAR.repeat(Math.trunc(entry.readyShare * BAR_WIDTH)) },
        {
          f: `=IF(${setting("guideline")}="","",IF(H${r}>${setting("guideline")},"${ABOVE_GUIDELINE}",""))`,
          v: entry.outside ? ABOVE_GUIDELINE : "",
        },
      ]);
    }
    if (rows.length === 0) cells.push(["Nobody has a next level"]);
    else
      styles.push(
        { range: rangeA1(top, 7, cells.length - 1, 7), style: { numberFormat: "0%" } },
        { range: rangeA1(top, 8, cells.length - 1, 8), style: { fontColor: "#548235" } },
      );
    guidelineRanges.push(rangeA1(top, 9, Math.max(top, cells.length - 1), 9));
  };
  const guidelineRanges: string[] = [];
  const levelName = (track: string, level: string) => {
    const t = matrix.tracks.find((x) => x.id === track);
    return [t?.name ?? track, t?.levels.find((l) => l.id === level)?.name ?? level] as [string, string];
  };
  distribution(
    "Status for the next level, per level",
    "Track",
    "Level",
    spread.byLevel.map((row) => ({ keys: levelName(row.track, row.level), row })),
    ["Track", "Level"],
  );
  distribution(
    "Status for the next level, per team",
    "Team",
    null,
    spread.byTeam.map((row) => ({ keys: [row.group, null], row })),
    ["Team", null],
  );
  distribution(
    "Status for the next level, per rater",
    "Rater",
    null,
    spread.byRater.map((row) => ({ keys: [row.group, null], row })),
    ["Rater", null],
  );

  // Everyone, live: the columns the counts above are taken over.
  section("People (live)");
  if (cells.length !== firstPerson - 1)
    throw new Error(
      `9-box: the people's header is at row ${cells.length + 1}, formulas expect ${firstPerson}.`,
    );
  cells.push([...PEOPLE_FIELDS]);
  const headerRow = cells.length - 1;
  styles.push({ range: rangeA1(headerRow, 0, headerRow, PEOPLE_FIELDS.length - 1), style: HEADER });
  const block = live.expectationsBlock(
    scored.map((s) => s.person.track),
    lastPerson + 4,
  );
  const bandOf = (cell: string) => `IF(${cell}="${STATUS_LABEL["not-yet"]}","${BAND_LABEL.below}",${cell})`;
  const boxKeys = `$G$${FIRST_BOX + 1}:$G$${FIRST_BOX + 9}`;
  const boxNames = `$A$${FIRST_BOX + 1}:$A$${FIRST_BOX + 9}`;
  const thresholds = {
    ready: setting("ready"),
    almost: setting("almost"),
    minCoverage: setting("minCoverage"),
  };
  scored.forEach((s, i) => {
    const r = firstPerson + i + 1;
    const person = s.person;
    const track = matrix.tracks.find((t) => t.id === person.track);
    const levelTitle = (id: string | undefined) =>
      (id && track?.levels.find((l) => l.id === id)?.name) || null;
    const personCell = live.personText(person.row, person.person);
    const ratingsRow = `$${col("Ratings row")}${r}`;
    const trackCell = `$${col("Track key")}${r}`;
    const current = sessionStatus(s, "current", rules);
    const next = sessionStatus(s, "next", rules);
    const placedIn =
      current !== null && next !== null && current !== "insufficient" && next !== "insufficient"
        ? box.cells.find((c) => c.current === bandOfStatus(current) && c.next === bandOfStatus(next))
        : undefined;
    cells.push([
      personCell,
      teamLabel(person.team),
      raterLabel(person.rater),
      track?.name ?? person.track,
      levelTitle(person.level),
      levelTitle(s.next?.level),
      {
        f: `=${live.readiness(block, ratingsRow, `$${col("Current key")}${r}`, trackCell)}`,
        v: s.current?.readiness ?? "",
      },
      {
        f: `=${live.coverage(block, ratingsRow, `$${col("Current key")}${r}`)}`,
        v: s.current?.coverage ?? "",
      },
      {
        f: `=${statusFormula(`${col("Current readiness")}${r}`, `${col("Current coverage")}${r}`, thresholds)}`,
        v: label(current),
      },
      {
        f: `=${live.readiness(block, ratingsRow, `$${col("Next key")}${r}`, trackCell)}`,
        v: s.next?.readiness ?? "",
      },
      { f: `=${live.coverage(block, ratingsRow, `$${col("Next key")}${r}`)}`, v: s.next?.coverage ?? "" },
      {
        f: `=${statusFormula(`${col("Next readiness")}${r}`, `${col("Next coverage")}${r}`, thresholds)}`,
        v: label(next),
      },
      {
        f: `=IFERROR(INDEX(${boxNames},MATCH(${bandOf(`${col("Current status")}${r}`)}&"|"&${bandOf(`${col("Next status")}${r}`)},${boxKeys},0)),"")`,
        v: placedIn?.name ?? "",
      },
      personTrackKey(matrix, person),
      personExpectationsKey(matrix, person, person.level),
      s.next ? personExpectationsKey(matrix, person, s.next.level) : null,
      { f: `=${live.ratingsRow(`$A${r}`)}`, v: live.ratingsRowValue(personCell) ?? "" },
    ]);
  });
  while (cells.length < block.first) cells.push([]);
  cells.push(...block.rows);

  const readinessColumn = (field: "Current readiness" | "Next readiness") =>
    `${col(field)}${firstPerson + 1}:${col(field)}${lastPerson + 1}`;
  const readinessColumns = (field: "Current readiness" | "Next readiness") =>
    `${col(field)}${firstPerson + 1}:${col(field === "Current readiness" ? "Current coverage" : "Next coverage")}${lastPerson + 1}`;
  styles.push(
    { range: readinessColumns("Current readiness"), style: { numberFormat: "0%", horizontal: "center" } },
    { range: readinessColumns("Next readiness"), style: { numberFormat: "0%", horizontal: "center" } },
    {
      range: rangeA1(firstPerson, PEOPLE_FIELDS.indexOf("Track key"), lastPerson, PEOPLE_FIELDS.length - 1),
      style: HELPER,
    },
    ...blockStyles(block),
  );
  return {
    name,
    kind: "nine-box",
    key: NINE_BOX_KEY,
    cells,
    styles,
    columnWidths: [30, 16, 16, 16, 16, 40, 12, 12, 17, 14, 12, 17, 28, 8, 8, 8, 8],
    rowHeights: { [GRID_HEADER + 1]: 30, [GRID_HEADER + 2]: 30, [GRID_HEADER + 3]: 30 },
    conditionalFormats: [
      {
        kind: "colorScale",
        range: rangeA1(GRID_HEADER + 1, 5, GRID_HEADER + 3, 7),
        min: { type: "number", value: 0, color: "#FFFFFF" },
        max: { type: "number", value: 1, color: "#5A8AC6" },
      },
      // Coloured in the bands of the thresholds in force when the sheet was drawn (Score or Refresh redraws them).
      ...readinessBands(readinessColumn("Current readiness"), settings),
      ...readinessBands(readinessColumn("Next readiness"), settings),
      ...statusFormats(
        `${col("Current status")}${firstPerson + 1}:${col("Current status")}${lastPerson + 1}`,
      ),
      ...statusFormats(`${col("Next status")}${firstPerson + 1}:${col("Next status")}${lastPerson + 1}`),
      ...guidelineRanges.map((range) => ({
        kind: "cellValue" as const,
        range,
        operator: "equal" as const,
        formula1: `="${ABOVE_GUIDELINE}"`,
        fill: "#FCE4D6",
      })),
    ],
    tabColor: "#7030A0",
  };
}

function bandOfStatus(status: Exclude<ReadinessStatus, "insufficient">): NineBoxBand {
  return status === "not-yet" ? "below" : status;
}

function label(status: ReadinessStatus | null): string {
  return status === null ? "" : STATUS_LABEL[status];
}

export function boxKey(current: NineBoxBand, next: NineBoxBand): string {
  return `${BAND_LABEL[current]}|${BAND_LABEL[next]}`;
}

/** Names in a box, within what a cell holds. */
/** The people of a box in one cell; an empty box's cell is left blank. */
function namesText(people: string[]): string | null {
  if (people.length === 0) return null;
  const text = people.join(", ");
  if (text.length <= EXCEL_MAX_CELL_CHARACTERS) return text;
  const kept: string[] = [];
  let length = 0;
  for (const person of people) {
    if (length + person.length + 2 > EXCEL_MAX_CELL_CHARACTERS - 40) break;
    kept.push(person);
    length += person.length + 2;
  }
  return `${kept.join(", ")} … and ${people.length - kept.length} more`;
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}
