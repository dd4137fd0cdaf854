/**
 * The in-memory workbook as Excel would show it: a name box with the selection, a formula bar, the active sheet's
 * grid, and a tab per visible sheet. The tab follows the workbook's active sheet whenever a command changes it.
 * Clicking a cell selects it; what is typed in the formula bar goes into it on Enter, as in Excel, and every formula
 * shows its new value at once.
 */
import { Tab, TabList } from "@fluentui/react-components";
import { useState } from "react";
import { splitSheet } from "../hosts/memory/address";
import { parseRange } from "../core/a1";
import type { SheetSnapshot, WorkbookSnapshot } from "../hosts/memory/snapshot";
import { SheetGrid } from "./SheetGrid";

export interface CellEditing {
  /** Selects one cell ("F2") of a sheet, as a click does in Excel. */
  select(sheet: string, address: string): void;
  /** Puts what was typed into a cell, as Enter does in Excel. */
  enter(sheet: string, address: string, typed: string): void;
}

export function WorkbookView({ snapshot, editing }: { snapshot: WorkbookSnapshot; editing?: CellEditing }) {
  const visible = snapshot.sheets.filter((s) => s.visibility === "Visible");
  // The tab the user picked, until the workbook activates another sheet.
  const [picked, setPicked] = useState<{ name: string; active: string | null } | undefined>();
  const chosen = picked && picked.active === snapshot.activeSheet ? picked.name : snapshot.activeSheet;
  const sheet = visible.find((s) => s.name === chosen) ?? visible[0];
  const selection = snapshot.selection ? splitSheet(snapshot.selection) : undefined;
  const selectionHere = selection && selection.sheet === sheet?.name ? selection.local : undefined;
  const cell = selectionHere && /^[A-Z]+[0-9]+$/.test(selectionHere) ? selectionHere : undefined;
  const contents = sheet && cell ? cellContents(sheet, cell) : "";

  return (
    <section className="wb-workbook" aria-label="Workbook">
      <div className="wb-bar">
        <div className="wb-namebox" role="status" aria-label="Selection">
          {selectionHere ?? ""}
        </div>
        {editing && (
          // A new cell, or new contents, starts the bar afresh.
          <FormulaBar
            key={`${sheet?.name ?? ""}!${cell ?? ""}!${contents}`}
            contents={contents}
            disabled={!sheet || !cell}
            onEnter={(typed) => sheet && cell && editing.enter(sheet.name, cell, typed)}
          />
        )}
      </div>
      <div className="wb-scroll" tabIndex={0} aria-label={sheet ? `${sheet.name} cells` : "Empty workbook"}>
        {sheet ? (
          <SheetGrid
            sheet={sheet}
            selection={selectionHere}
            onSelect={editing ? (address) => editing.select(sheet.name, address) : undefined}
          />
        ) : (
          <p className="wb-empty">The workbook is empty. Use the task pane to build the career matrix.</p>
        )}
      </div>
      <TabList
        className="wb-tabs"
        aria-label="Sheets"
        size="small"
        selectedValue={sheet?.name ?? ""}
        onTabSelect={(_, d) => setPicked({ name: String(d.value), active: snapshot.activeSheet })}
      >
        {visible.map((s) => (
          <Tab key={s.name} value={s.name}>
            {s.name}
          </Tab>
        ))}
      </TabList>
    </section>
  );
}

/** What the formula bar shows for a cell: its formula, or its value as typed. */
function cellContents(sheet: SheetSnapshot, address: string): string {
  const at = parseRange(address);
  if (!at) return "";
  const row = at.start.row - 1;
  const column = at.start.column;
  const formula = sheet.formulas[row]?.[column];
  if (formula) return formula;
  const value = sheet.values[row]?.[column];
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

function FormulaBar({
  contents,
  disabled,
  onEnter,
}: {
  contents: string;
  disabled: boolean;
  onEnter: (typed: string) => void;
}) {
  const [typed, setTyped] = useState(contents);
  return (
    <input
      className="wb-formula"
      aria-label="Formula bar"
      disabled={disabled}
      value={typed}
      onChange={(e) => setTyped(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter") onEnter(typed);
        else if (e.key === "Escape") setTyped(contents);
      }}
    />
  );
}
