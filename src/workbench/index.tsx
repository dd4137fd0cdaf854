/**
 * The workbench page: the task pane on an in-memory workbook, in any browser, with no Office and no network.
 * ?theme=dark|light and ?width=320|360|450 set the pane's theme and width (for screenshots and demonstrations).
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { bundledFramework, sampleTeam } from "../data";
import { systemThemeName } from "../taskpane/theme";
import { PANE_WIDTHS, Workbench } from "./Workbench";

const params = new URLSearchParams(window.location.search);
const theme = params.get("theme");
const width = Number(params.get("width"));

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Workbench
        framework={bundledFramework()}
        sampleTeam={sampleTeam()}
        initialTheme={theme === "dark" || theme === "light" ? theme : systemThemeName()}
        initialWidth={(PANE_WIDTHS as readonly number[]).includes(width) ? width : 360}
      />
    </StrictMode>,
  );
}
