import { Button, Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";
import { Edit16Regular, ErrorCircle16Filled, Warning16Filled } from "@fluentui/react-icons";
import { useEffect, useId, useState } from "react";
import type { Problem } from "../../core/types";
import { plural } from "../format";
import { goToCell, problemPlace } from "../go-to-cell";
import { useServices } from "../services";
import { useTask } from "../use-task";
import { TaskFeedback } from "./TaskFeedback";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "6px",
  },
  item: {
    display: "grid",
    gridTemplateColumns: "auto 1fr auto",
    alignItems: "start",
    columnGap: "8px",
    padding: "6px 8px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  error: { color: tokens.colorPaletteRedForeground1, marginTop: "2px" },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, marginTop: "2px" },
  edit: { color: tokens.colorBrandForeground1, marginTop: "2px" },
  place: { display: "block", fontWeight: tokens.fontWeightSemibold },
  message: { display: "block", overflowWrap: "anywhere" },
});

/** Shown at first; a long list (a whole sheet of typos) opens on request. */
const FIRST = 20;

/** Problems (or, with asEdits, the user's edits) each pointed at its cell, with a button that selects the cell. */
export function ProblemList({
  problems,
  title,
  asEdits,
}: {
  problems: Problem[];
  title: string;
  asEdits?: boolean;
}) {
  const styles = useStyles();
  const { host } = useServices();
  const task = useTask();
  const [all, setAll] = useState(false);
  const headingId = useId();
  // Problems name sheets as their tabs read when the problems were found. The add-in's sheets are remembered by
  // their markers then, so "Go to cell" still finds a sheet renamed since.
  // Keyed on the sheets named (a list rebuilt on every render must not read the workbook each time).
  const [keys, setKeys] = useState<ReadonlyMap<string, string>>(new Map());
  const named = [...new Set(problems.filter((p) => p.cell).map((p) => p.sheet ?? ""))]
    .filter((sheet) => sheet !== "")
    .join("\n");
  useEffect(() => {
    if (named === "") return;
    let current = true;
    host.ownedSheets().then(
      (owned) => current && setKeys(new Map(owned.map((s) => [s.name, s.key]))),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [host, named]);
  if (problems.length === 0) return null;

  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const shown = all ? problems : problems.slice(0, FIRST);
  const counts = asEdits
    ? plural(problems.length, "edit")
    : [
        errors && `${errors} error${errors === 1 ? "" : "s"}`,
        warnings && `${warnings} warning${warnings === 1 ? "" : "s"}`,
      ]
        .filter(Boolean)
        .join(", ");

  return (
    <section aria-labelledby={headingId}>
      <Text as="h3" id={headingId} weight="semibold" block>
        {title} ({counts})
      </Text>
      <ul className={styles.list}>
        {shown.map((problem, i) => {
          const place = problemPlace(problem);
          const { sheet, cell } = problem;
          return (
            <li key={i} className={styles.item}>
              {asEdits ? (
                <Edit16Regular className={styles.edit} aria-label="Edit" />
              ) : problem.severity === "error" ? (
                <ErrorCircle16Filled className={styles.error} aria-label="Error" />
              ) : (
                <Warning16Filled className={styles.warning} aria-label="Warning" />
              )}
              <span>
                {place && <Caption1 className={styles.place}>{place}</Caption1>}
                <Caption1 className={styles.message}>{problem.message}</Caption1>
              </span>
              {sheet && cell ? (
                <Button
                  size="small"
                  appearance="subtle"
                  aria-label={`Go to cell ${place}`}
                  disabled={task.running !== undefined}
                  onClick={() =>
                    void task.run(`Going to ${place}`, () => goToCell(host, sheet, cell, keys.get(sheet)))
                  }
                >
                  Go to cell
                </Button>
              ) : (
                <span />
              )}
            </li>
          );
        })}
      </ul>
      {problems.length > FIRST && (
        <Button appearance="transparent" onClick={() => setAll(!all)}>
          {all ? `Show the first ${FIRST}` : `Show all ${problems.length}`}
        </Button>
      )}
      <TaskFeedback task={task} failureTitle="Could not go to the cell" />
    </section>
  );
}
