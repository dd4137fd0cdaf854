/**
 * The add-in without Excel: the real task pane, working on an in-memory workbook drawn beside it, which calculates
 * as Excel does. The toolbar and the formula bar do what a user would do in Excel itself: type ratings (all the
 * sample's, or one cell), press the ribbon's Refresh heatmaps, start over.
 */
import {
  Button,
  Dropdown,
  FluentProvider,
  Input,
  makeStyles,
  Option,
  Switch,
  Text,
  Toolbar,
  webLightTheme,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { careerMatrixFromFramework } from "../core/career-matrix";
import type { Framework } from "../core/framework";
import type { SampleTeam } from "../data";
import { MemoryWorkbook } from "../hosts/memory";
import { OfficeHost } from "../hosts/office/office-host";
import { refreshHeatmapsAction } from "../commands/refresh-heatmaps";
import { RATINGS_KEY } from "../sheets/ratings-sheet";
import { App } from "../taskpane/App";
import { ServicesProvider, downloadFile, type PaneServices } from "../taskpane/services";
import { fluentTheme, type ThemeName } from "../taskpane/theme";
import { errorMessage } from "../taskpane/use-task";
import { observedHost } from "./observed-host";
import { typeRatings } from "./type-ratings";
import { type CellEditing, WorkbookView } from "./WorkbookView";

export const PANE_WIDTHS = [320, 360, 450] as const;

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", height: "100vh", boxSizing: "border-box" },
  header: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: "4px 16px",
    padding: "8px 16px",
    borderBottom: "1px solid #D1D1D1",
  },
  title: { margin: 0 },
  status: { marginLeft: "auto" },
  body: { display: "flex", flexGrow: 1, minHeight: 0 },
  pane: { flexShrink: 0, overflowY: "auto", borderRight: "1px solid #D1D1D1" },
  workbook: { flexGrow: 1, minWidth: 0, display: "flex", flexDirection: "column" },
});

export interface WorkbenchProps {
  framework: Framework;
  sampleTeam: SampleTeam;
  initialTheme: ThemeName;
  initialWidth: number;
}

function freshWorkbook(): MemoryWorkbook {
  return new MemoryWorkbook(["Sheet1"]);
}

export function Workbench({ framework, sampleTeam, initialTheme, initialWidth }: WorkbenchProps) {
  const styles = useStyles();
  const [memory, setMemory] = useState(freshWorkbook);
  const [snapshot, setSnapshot] = useState(() => memory.snapshot());
  const [paneTheme, setPaneTheme] = useState<ThemeName>(initialTheme);
  const [width, setWidth] = useState(initialWidth);
  const [message, setMessage] = useState("");
  const [generation, setGeneration] = useState(0);
  const [cell, setCell] = useState("Ratings!F2");
  const [typed, setTyped] = useState("");

  const services = useMemo<PaneServices>(() => {
    const host = observedHost(new OfficeHost(memory.run), () => setSnapshot(memory.snapshot()));
    return { host, framework, saveFile: downloadFile };
  }, [memory, framework]);

  const typeSampleRatings = async () => {
    try {
      const sheet = (await services.host.ownedSheets()).find((s) => s.key === RATINGS_KEY);
      if (!sheet) {
        setMessage("Create the Ratings sheet first (Ratings tab).");
        return;
      }
      const typed = await typeRatings(
        memory.run,
        sheet.name,
        careerMatrixFromFramework(framework),
        sampleTeam.people,
      );
      setSnapshot(memory.snapshot());
      setMessage(`Typed the ratings of ${typed} people.`);
    } catch (error) {
      setMessage(`Typing the ratings failed: ${errorMessage(error)}`);
    }
  };

  /** The user's own clicks and typing on the sheets, through the same Excel API the add-in uses. */
  const editing: CellEditing = {
    select: (sheet, address) => {
      void memory
        .run(async (context) => {
          context.workbook.worksheets.getItem(sheet).getRange(address).select();
          await context.sync();
        })
        .then(() => setSnapshot(memory.snapshot()))
        .catch((error: unknown) => setMessage(`Selecting ${address} failed: ${errorMessage(error)}`));
    },
    enter: (sheet, address, typed) => {
      void memory
        .run(async (context) => {
          context.workbook.worksheets.getItem(sheet).getRange(address).formulas = [[typed]];
          await context.sync();
        })
        .then(() => {
          setSnapshot(memory.snapshot());
          setMessage(`Typed ${typed === "" ? "nothing" : typed} into ${sheet}!${address}.`);
        })
        .catch((error: unknown) => setMessage(`Typing into ${address} failed: ${errorMessage(error)}`));
    },
  };

  /** One cell typed as a user types it in Excel: a number when it reads as one, text otherwise, blank clears it. */
  const typeCell = async () => {
    const bang = cell.lastIndexOf("!");
    const sheet =
      bang < 0
        ? ""
        : cell
            .slice(0, bang)
            .replace(/^'(.*)'$/, "$1")
            .replace(/''/g, "'");
    const address = cell.slice(bang + 1);
    const text = typed.trim();
    const value = text === "" ? null : Number.isFinite(Number(text)) ? Number(text) : typed;
    try {
      await memory.run(async (context) => {
        const target =
          sheet === ""
            ? context.workbook.worksheets.getActiveWorksheet()
            : context.workbook.worksheets.getItem(sheet);
        target.getRange(address).values = [[value]];
        await context.sync();
      });
      setSnapshot(memory.snapshot());
      setMessage(`Typed ${text === "" ? "nothing (cleared)" : text} into ${cell}.`);
    } catch (error) {
      setMessage(`Typing into ${cell} failed: ${errorMessage(error)}`);
    }
  };

  const refreshFromRibbon = async () => {
    try {
      await refreshHeatmapsAction(services.host, framework)();
      setMessage("Refresh heatmaps: done.");
    } catch (error) {
      setMessage(`Refresh heatmaps: ${errorMessage(error)}`);
    }
  };

  const reset = () => {
    const next = freshWorkbook();
    setMemory(next);
    setSnapshot(next.snapshot());
    setGeneration(generation + 1);
    setMessage("Started a new workbook.");
  };

  return (
    <FluentProvider theme={webLightTheme} className={styles.page}>
      <header className={styles.header}>
        <Text as="h1" size={400} weight="semibold" className={styles.title}>
          Career Matrix workbench
        </Text>
        <Toolbar aria-label="Workbench" size="small">
          <Dropdown
            aria-label="Pane width"
            size="small"
            value={`Pane ${width} px`}
            selectedOptions={[String(width)]}
            onOptionSelect={(_, d) => setWidth(Number(d.optionValue))}
            style={{ minWidth: "120px" }}
          >
            {PANE_WIDTHS.map((w) => (
              <Option key={w} value={String(w)} text={`Pane ${w} px`}>
                {`Pane ${w} px`}
              </Option>
            ))}
          </Dropdown>
          <Switch
            label="Dark pane"
            checked={paneTheme === "dark"}
            onChange={(_, d) => setPaneTheme(d.checked ? "dark" : "light")}
          />
          <Button size="small" onClick={() => void typeSampleRatings()}>
            Type the sample ratings
          </Button>
          <Input
            size="small"
            aria-label="Cell to type into"
            value={cell}
            onChange={(_, d) => setCell(d.value)}
            style={{ width: "110px" }}
          />
          <Input
            size="small"
            aria-label="Value to type"
            value={typed}
            onChange={(_, d) => setTyped(d.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") void typeCell();
            }}
            style={{ width: "70px" }}
          />
          <Button size="small" onClick={() => void typeCell()}>
            Type into the cell
          </Button>
          <Button size="small" onClick={() => void refreshFromRibbon()}>
            Ribbon: Refresh heatmaps
          </Button>
          <Button size="small" onClick={reset}>
            New workbook
          </Button>
        </Toolbar>
        <Text role="status" size={200} className={styles.status}>
          {message}
        </Text>
      </header>
      <main className={styles.body}>
        <div className={styles.pane} style={{ width }} data-testid="pane">
          <FluentProvider theme={fluentTheme(paneTheme)} style={{ minHeight: "100%" }}>
            {/* A new workbook remounts the pane, as opening another workbook in Excel reloads it. */}
            <ServicesProvider key={generation} services={services}>
              <App embedded />
            </ServicesProvider>
          </FluentProvider>
        </div>
        <div className={styles.workbook}>
          <WorkbookView snapshot={snapshot} editing={editing} />
        </div>
      </main>
    </FluentProvider>
  );
}
