/**
 * The path through the add-in for someone new to it, read from the workbook as it stands: which steps are done, which
 * comes next, and a way to each. Building the matrix is optional when the workbook already has ratings.
 */
import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { CheckmarkCircle20Filled, Circle20Regular } from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import { isMatrixKey } from "../../sheets/matrix-key";
import { LOG_KEY, NINE_BOX_KEY, RATINGS_KEY, READINESS_KEY } from "../../sheets/sheet-keys";
import { useServices } from "../services";
import { useAnyWorkbookChange } from "../workbook-changes";
import { Section } from "./Panel";

export type StepTab = "matrix" | "ratings" | "score" | "calibration";

interface Step {
  tab: StepTab;
  title: string;
  detail: string;
  done: boolean;
  /** The button that opens the step's tab. */
  open: string;
}

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "8px",
  },
  step: { display: "grid", gridTemplateColumns: "20px 1fr", columnGap: "8px", alignItems: "start" },
  done: { color: tokens.colorPaletteGreenForeground1 },
  todo: { color: tokens.colorNeutralForeground3 },
  body: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: "2px" },
});

/** What the workbook already has, by the keys of the sheets the steps make. */
export function stepsFor(keys: string[]): Step[] {
  const has = (key: string) => keys.includes(key);
  const ratings = has(RATINGS_KEY);
  return [
    {
      tab: "matrix",
      title: "Build the matrix",
      detail: ratings
        ? "Optional now that the workbook has ratings: scoring uses the framework where there is no matrix sheet."
        : "A sheet per track with what each level expects; edit it to make it your team's.",
      done: keys.some(isMatrixKey),
      open: "Start here",
    },
    {
      tab: "ratings",
      title: "Add your team and rate them",
      detail: "A row per person on the Ratings sheet; type each rating there.",
      done: ratings,
      open: "Open Ratings",
    },
    {
      tab: "score",
      title: "Score the ratings",
      detail: "Readiness for each person's level and the next, the heatmaps and the team summary.",
      done: has(READINESS_KEY),
      open: "Open Score",
    },
    {
      tab: "calibration",
      title: "Calibrate",
      detail: "The 9-box, where people stand per level and team, and a log of each change and why.",
      done: has(LOG_KEY) || has(NINE_BOX_KEY),
      open: "Open Calibration",
    },
  ];
}

/**
 * Shown on the first tab until the ratings are scored. `onOpen` goes to a step's tab; the first step is on the tab
 * already, so its button moves the focus to the build button instead (`onBuild`).
 */
export function GetStarted({ onOpen, onBuild }: { onOpen(tab: StepTab): void; onBuild(): void }) {
  const styles = useStyles();
  const { host } = useServices();
  const version = useAnyWorkbookChange();
  const [keys, setKeys] = useState<string[] | undefined>();

  useEffect(() => {
    let current = true;
    host
      .ownedSheets()
      .then((owned) => current && setKeys(owned.map((s) => s.key)))
      .catch(() => current && setKeys([]));
    return () => {
      current = false;
    };
  }, [host, version]);

  if (keys === undefined) return null;
  const steps = stepsFor(keys);
  if (steps.find((s) => s.tab === "score")?.done) return null;
  const next = steps.find((s) => !s.done && !(s.tab === "matrix" && steps[1].done));

  return (
    <Section title="Get started">
      <ol className={styles.list} aria-label="Get started">
        {steps.map((step, i) => (
          <li key={step.tab} className={styles.step}>
            {step.done ? (
              <CheckmarkCircle20Filled className={styles.done} aria-label="Done" />
            ) : (
              <Circle20Regular className={styles.todo} aria-label="To do" />
            )}
            <div className={styles.body}>
              <Text weight="semibold">
                {i + 1}. {step.title}
              </Text>
              <Text size={200}>{step.detail}</Text>
              {step === next && (
                <Button
                  size="small"
                  appearance="secondary"
                  onClick={() => (step.tab === "matrix" ? onBuild() : onOpen(step.tab))}
                >
                  {step.open}
                </Button>
              )}
            </div>
          </li>
        ))}
      </ol>
    </Section>
  );
}
