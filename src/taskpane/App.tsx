/** The task pane: one tab per job, each a short explanation, a primary action and its results. */
import {
  makeStyles,
  Overflow,
  OverflowItem,
  Field,
  ProgressBar,
  Tab,
  TabList,
  Text,
  tokens,
} from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useId, useRef, useState } from "react";
import { TabOverflow } from "./components/TabOverflow";
import { FrameworkChoiceProvider } from "./framework-choice";
import { MatrixPanel } from "./panels/MatrixPanel";
import { useScoring } from "./use-scoring";
import { useWorkbookChanged, WorkbookChangesProvider } from "./workbook-changes";

// The first screen is the Matrix tab; the other tabs load when first opened, so the pane's first load stays small.
const RatingsPanel = lazy(() =>
  import(/* webpackChunkName: "ratings-tab" */ "./panels/RatingsPanel").then((m) => ({
    default: m.RatingsPanel,
  })),
);
const ScorePanel = lazy(() =>
  import(/* webpackChunkName: "score-tab" */ "./panels/ScorePanel").then((m) => ({ default: m.ScorePanel })),
);
const CalibrationPanel = lazy(() =>
  import(/* webpackChunkName: "calibration-tab" */ "./panels/CalibrationPanel").then((m) => ({
    default: m.CalibrationPanel,
  })),
);
const ComparePanel = lazy(() =>
  import(/* webpackChunkName: "compare-tab" */ "./panels/ComparePanel").then((m) => ({
    default: m.ComparePanel,
  })),
);

const TABS = [
  { id: "matrix", label: "Matrix" },
  { id: "ratings", label: "Ratings" },
  { id: "score", label: "Score" },
  { id: "calibration", label: "Calibration" },
  { id: "compare", label: "Compare" },
] as const;

type TabId = (typeof TABS)[number]["id"];

/** A tab's code on its way, shown as the pane shows a running action (TaskFeedback). */
function TabLoading() {
  return (
    <Field validationMessage="Opening the tab…" validationState="none" role="status">
      <ProgressBar thickness="large" aria-label="Opening the tab" />
    </Field>
  );
}

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100%",
    boxSizing: "border-box",
    padding: "12px 14px 0",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { margin: "0 0 4px" },
  tab: { paddingLeft: "4px", paddingRight: "4px", minWidth: 0, flexShrink: 0 },
  // One row at any width: tabs that do not fit go into the "more tabs" menu at its end (TabOverflow).
  tabs: {
    marginLeft: "-6px",
    marginRight: "-6px",
    flexWrap: "nowrap",
    minWidth: 0,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

/**
 * `embedded` is for a page that has its own main landmark (the workbench): the pane becomes a labelled region in it.
 */
export function App({ embedded = false }: { embedded?: boolean }) {
  return (
    <WorkbookChangesProvider>
      <Tabs embedded={embedded} />
    </WorkbookChangesProvider>
  );
}

function Tabs({ embedded }: { embedded: boolean }) {
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>("matrix");
  // Panels mount when first opened and then stay, so what was typed in one survives a visit to another.
  const [opened, setOpened] = useState<Set<TabId>>(() => new Set<TabId>(["matrix"]));
  const { scoring, scored, reread } = useScoring();
  const prefix = useId();
  const Root = embedded ? "section" : "main";

  // The scores in view follow the workbook: a rating typed, the ribbon's Refresh heatmaps.
  useWorkbookChanged(tab === "score" || tab === "calibration", reread);
  // A tab chosen from the "more tabs" menu takes the focus, as a tab clicked on the row has it.
  const focusWhenShown = useRef<TabId | undefined>(undefined);
  useEffect(() => {
    if (focusWhenShown.current !== tab) return;
    focusWhenShown.current = undefined;
    // After the menu has closed and handed the focus back to its button.
    const frame = requestAnimationFrame(() => document.getElementById(`${prefix}-tab-${tab}`)?.focus());
    return () => cancelAnimationFrame(frame);
  }, [tab, prefix]);

  const open = (id: TabId) => {
    if (id !== tab && (id === "score" || id === "calibration")) reread();
    setTab(id);
    setOpened((before) => (before.has(id) ? before : new Set([...before, id])));
  };

  const panel = (id: TabId) => {
    switch (id) {
      case "matrix":
        return <MatrixPanel active={tab === "matrix"} onNext={() => open("ratings")} onOpen={open} />;
      case "ratings":
        return <RatingsPanel active={tab === "ratings"} onNext={() => open("score")} />;
      case "score":
        return <ScorePanel scoring={scoring} onScored={scored} onNext={() => open("calibration")} />;
      case "calibration":
        return <CalibrationPanel scoring={scoring} onScore={() => open("score")} onScored={scored} />;
      case "compare":
        return <ComparePanel />;
    }
  };

  return (
    <FrameworkChoiceProvider>
      <Root className={styles.pane} aria-label={embedded ? "Task pane" : undefined}>
        <Text as="h1" size={500} weight="semibold" block className={styles.title}>
          Career Matrix
        </Text>
        {/* The tabs carry their own spacing, so the row keeps no extra room at its end (Fluent keeps 10 px); a DOM
            without layout (the jsdom tests) measures every width as 0, and there every tab then stays on the row. */}
        <Overflow minimumVisible={1} padding={0}>
          <TabList
            className={styles.tabs}
            selectedValue={tab}
            onTabSelect={(_, d) => open(d.value as TabId)}
            size="small"
            aria-label="Career Matrix tasks"
          >
            {TABS.map((t) => (
              // The selected tab stays on the row; the others leave it from the end.
              <OverflowItem key={t.id} id={t.id} priority={t.id === tab ? 2 : 1}>
                <Tab
                  value={t.id}
                  className={styles.tab}
                  id={`${prefix}-tab-${t.id}`}
                  aria-controls={opened.has(t.id) ? `${prefix}-panel-${t.id}` : undefined}
                >
                  {t.label}
                </Tab>
              </OverflowItem>
            ))}
            <TabOverflow
              tabs={[...TABS]}
              onSelect={(id) => {
                focusWhenShown.current = id as TabId;
                open(id as TabId);
              }}
            />
          </TabList>
        </Overflow>
        {TABS.filter((t) => opened.has(t.id)).map((t) => (
          <div
            key={t.id}
            role="tabpanel"
            id={`${prefix}-panel-${t.id}`}
            aria-labelledby={`${prefix}-tab-${t.id}`}
            hidden={t.id !== tab}
          >
            <Suspense fallback={<TabLoading />}>{panel(t.id)}</Suspense>
          </div>
        ))}
      </Root>
    </FrameworkChoiceProvider>
  );
}
