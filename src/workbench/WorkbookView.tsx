/**
 * The in-memory workbook as Excel would show it: a name box with the selection, the active sheet's grid, and a tab
 * per visible sheet. The tab follows the workbook's active sheet whenever a command changes it.
 */
import { Tab, TabList } from "@fluentui/react-components";
import { useState } from "react";
import { splitSheet } from "../hosts/memory/address";
import type { WorkbookSnapshot } from "../hosts/memory/snapshot";
import { SheetGrid } from "./SheetGrid";

export function WorkbookView({ snapshot }: { snapshot: WorkbookSnapshot }) {
  const visible = snapshot.sheets.filter((s) => s.visibility === "Visible");
  // The tab the user picked, until the workbook activates another sheet.
  const [picked, setPicked] = useState<{ name: string; active: string | null } | undefined>();
  const chosen = picked && picked.active === snapshot.activeSheet ? picked.name : snapshot.activeSheet;
  const sheet = visible.find((s) => s.name === chosen) ?? visible[0];
  const selection = snapshot.selection ? splitSheet(snapshot.selection) : undefined;
  const selectionHere = selection && selection.sheet === sheet?.name ? selection.local : undefined;

  return (
    <section className="wb-workbook" aria-label="Workbook">
      <div className="wb-namebox" role="status" aria-label="Selection">
        {selectionHere ?? ""}
      </div>
      <div className="wb-scroll" tabIndex={0} aria-label={sheet ? `${sheet.name} cells` : "Empty workbook"}>
        {sheet ? (
          <SheetGrid sheet={sheet} selection={selectionHere} />
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
