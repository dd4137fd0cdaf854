/**
 * One sheet of the in-memory workbook drawn the way Excel shows it: column letters and row numbers, column widths and
 * row heights, merged cells, fills and fonts, conditional-format colours, frozen panes, and the selection outlined.
 */
import { useEffect, useMemo, useRef, type CSSProperties } from "react";
import { columnLetter, parseRange, type RangeAddress } from "../core/a1";
import type { SheetSnapshot } from "../hosts/memory/snapshot";
import { conditionalLooks, rangeWithin } from "./conditional-format";
import { defaultAlignment, displayValue } from "./display-value";

const PX_PER_POINT = 96 / 72;
/** Excel's defaults: columns 8.43 characters (48 pt), rows 15 pt. */
const DEFAULT_COLUMN_PT = 48;
const DEFAULT_ROW_PT = 15;
const HEADER_ROW_PX = 20;
const HEADER_COLUMN_PX = 40;

const BORDER_COLOR = "#000000";

interface Merge {
  range: RangeAddress;
}

function inside(range: RangeAddress, row: number, column: number): boolean {
  return (
    row >= range.start.row &&
    row <= range.end.row &&
    column >= range.start.column &&
    column <= range.end.column
  );
}

function textAlign(horizontal: string | undefined): CSSProperties["textAlign"] | undefined {
  switch (horizontal?.toLowerCase()) {
    case "left":
      return "left";
    case "center":
    case "centeracrossselection":
      return "center";
    case "right":
      return "right";
    default:
      return undefined;
  }
}

function verticalAlign(vertical: string | undefined): CSSProperties["verticalAlign"] {
  switch (vertical?.toLowerCase()) {
    case "top":
      return "top";
    case "center":
      return "middle";
    default:
      return "bottom";
  }
}

export function SheetGrid({
  sheet,
  selection,
  onSelect,
}: {
  sheet: SheetSnapshot;
  selection: string | undefined;
  /** Called with a cell's address ("F2") when it is clicked. */
  onSelect?: (address: string) => void;
}) {
  const rows = sheet.values.length;
  const columns = rows === 0 ? 0 : sheet.values[0].length;
  const conditional = useMemo(() => conditionalLooks(sheet.values, sheet.conditionalFormats), [sheet]);
  const merges = useMemo<Merge[]>(
    () =>
      sheet.merges
        .map((m) => parseRange(m))
        .filter((r): r is RangeAddress => r !== undefined)
        .map((range) => ({ range })),
    [sheet],
  );
  const selectedRef = useRef<HTMLTableCellElement | null>(null);

  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [selection, sheet]);

  // Extra empty columns and rows, as Excel always shows more grid than is used.
  const shownColumns = Math.max(columns + 2, 8);
  const shownRows = Math.max(rows + 3, 20);
  const selected = selection ? rangeWithin(selection, shownRows, shownColumns) : undefined;
  const widthPx = (c: number) => Math.round((sheet.columnWidths[c] ?? DEFAULT_COLUMN_PT) * PX_PER_POINT);
  const heightPx = (r: number) => Math.round((sheet.rowHeights[r] ?? DEFAULT_ROW_PT) * PX_PER_POINT);

  const frozenTop: number[] = [];
  for (let r = 1, top = HEADER_ROW_PX; r <= sheet.freeze.rows; r++) {
    frozenTop[r] = top;
    top += heightPx(r);
  }
  const frozenLeft: number[] = [];
  for (let c = 0, left = HEADER_COLUMN_PX; c < sheet.freeze.columns; c++) {
    frozenLeft[c] = left;
    left += widthPx(c);
  }

  const body = [];
  for (let r = 1; r <= shownRows; r++) {
    const cells = [
      <th key="h" scope="row" className="wb-rowhead" style={{ height: heightPx(r) }}>
        {r}
      </th>,
    ];
    for (let c = 0; c < shownColumns; c++) {
      const merge = merges.find((m) => inside(m.range, r, c));
      if (merge && (merge.range.start.row !== r || merge.range.start.column !== c)) continue;
      const value = sheet.values[r - 1]?.[c] ?? null;
      const look = sheet.looks[r - 1]?.[c] ?? null;
      const cf = conditional[r - 1]?.[c];
      const fill = cf?.fill ?? look?.fill;
      const wrap = look?.wrap === true;
      const next = sheet.values[r - 1]?.[c + 1] ?? null;
      // Unwrapped text runs on over empty neighbours, as in Excel.
      const spills = !wrap && typeof value === "string" && next === null && !merge;
      const borders = look?.borders ?? {};
      const style: CSSProperties = {
        backgroundColor: fill,
        color: cf?.fontColor ?? look?.fontColor ?? "#000000",
        fontWeight: look?.bold ? 700 : undefined,
        fontStyle: look?.italic ? "italic" : undefined,
        fontSize: look?.fontSize ? `${Math.round(look.fontSize * PX_PER_POINT)}px` : undefined,
        textAlign: textAlign(look?.horizontal) ?? defaultAlignment(value),
        verticalAlign: verticalAlign(look?.vertical),
        whiteSpace: wrap ? "pre-wrap" : "pre",
        overflow: spills ? "visible" : "hidden",
        borderTop: borders.top ? `1px solid ${BORDER_COLOR}` : undefined,
        borderBottom: borders.bottom ? `1px solid ${BORDER_COLOR}` : undefined,
        borderLeft: borders.left ? `1px solid ${BORDER_COLOR}` : undefined,
        borderRight: borders.right ? `1px solid ${BORDER_COLOR}` : undefined,
      };
      if (frozenTop[r] !== undefined || frozenLeft[c] !== undefined) {
        style.position = "sticky";
        style.top = frozenTop[r];
        style.left = frozenLeft[c];
        style.zIndex = frozenTop[r] !== undefined && frozenLeft[c] !== undefined ? 3 : 2;
        style.backgroundColor ??= "#FFFFFF";
      }
      const address = `${columnLetter(c)}${r}`;
      const isSelected = selected ? inside(selected, r, c) : false;
      const isAnchor = selected ? selected.start.row === r && selected.start.column === c : false;
      cells.push(
        <td
          key={c}
          data-cell={address}
          data-fill={fill ?? ""}
          aria-selected={isSelected || undefined}
          ref={isAnchor ? selectedRef : undefined}
          className={isSelected ? "wb-cell wb-selected" : "wb-cell"}
          rowSpan={merge ? merge.range.end.row - merge.range.start.row + 1 : undefined}
          colSpan={merge ? merge.range.end.column - merge.range.start.column + 1 : undefined}
          title={sheet.formulas[r - 1]?.[c] ?? undefined}
          style={style}
          onClick={onSelect ? () => onSelect(address) : undefined}
        >
          {displayValue(value, look?.numberFormat)}
        </td>,
      );
    }
    body.push(<tr key={r}>{cells}</tr>);
  }

  return (
    // table-layout: fixed takes the column widths only when the table's own width is set.
    <table
      className="wb-grid"
      aria-label={`Sheet ${sheet.name}`}
      style={{
        width:
          HEADER_COLUMN_PX +
          Array.from({ length: shownColumns }, (_, c) => widthPx(c)).reduce((a, b) => a + b, 0),
      }}
    >
      <colgroup>
        <col style={{ width: HEADER_COLUMN_PX }} />
        {Array.from({ length: shownColumns }, (_, c) => (
          <col key={c} style={{ width: widthPx(c) }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th className="wb-corner" aria-label="Cells" />
          {Array.from({ length: shownColumns }, (_, c) => (
            <th key={c} scope="col" className="wb-colhead">
              {columnLetter(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{body}</tbody>
    </table>
  );
}
