import { Button, makeStyles } from "@fluentui/react-components";
import { useEffect } from "react";
import type { PersonRatings, Problem } from "../../core/types";
import { ACTION_WORD, readinessTitle } from "../../core/vocabulary";
import { RATINGS_KEY } from "../../sheets/ratings-sheet";
import { readCareerMatrix, scoreRatings } from "../../workbook/commands";
import { ExportActions } from "../components/ExportActions";
import { Panel, Section } from "../components/Panel";
import { PeopleTable } from "../components/PeopleTable";
import { ProblemList } from "../components/ProblemList";
import { ScoreOutcome } from "../components/ScoreOutcome";
import { StatusSummary } from "../components/StatusSummary";
import { TaskFeedback } from "../components/TaskFeedback";
import { loadExport } from "../export/load-export";
import type { Scoring } from "../scoring";
import { useServices } from "../services";
import { useTask } from "../use-task";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
});

export function ScorePanel({
  scoring,
  onScored,
  onNext,
}: {
  scoring?: Scoring;
  onScored(scoring: Scoring): void;
  /** The step after scoring: calibration. */
  onNext(): void;
}) {
  const styles = useStyles();
  const { host, framework } = useServices();
  const task = useTask();
  const selectTask = useTask();

  const score = () =>
    task.run("Scoring the ratings and writing the heatmaps", async () => {
      const result = await scoreRatings(host, framework);
      const { matrix } = await readCareerMatrix(host, framework);
      onScored({ result, matrix, framework, computedAt: new Date(), origin: "scored" });
    });

  // Scores shown for a framework no longer in use would mislead: after "Use a framework file" or "Back to GitLab's
  // framework", the tab scores again with the framework now in use.
  const stale = scoring !== undefined && scoring.framework !== framework;
  const { run } = task;
  useEffect(() => {
    if (!stale) return;
    void run("Scoring again with the framework now in use", async () => {
      const result = await scoreRatings(host, framework);
      const { matrix } = await readCareerMatrix(host, framework);
      onScored({ result, matrix, framework, computedAt: new Date(), origin: "scored" });
    });
  }, [stale, run, host, framework, onScored]);

  const select = (person: PersonRatings) =>
    selectTask.run(`Selecting ${person.person}`, () =>
      host.select(RATINGS_KEY, `${person.row}:${person.row}`),
    );

  // The first person still without a status, else the top of the sheet: where typing ratings goes on.
  const goToRatings = (result: Scoring["result"]) => {
    const unrated = result.scored.find((s) => s.next?.status === "insufficient");
    return selectTask.run("Going to the Ratings sheet", () =>
      host.select(RATINGS_KEY, unrated ? `${unrated.person.row}:${unrated.person.row}` : "A1"),
    );
  };

  const result = scoring?.result;
  // Each problem listed once, under the sheet a manager fixes it on.
  const fromMatrix = (p: Problem) => p.sheet !== undefined && p.sheet !== result?.ratingsSheet;
  const scoredSomeone = result !== undefined && result.scored.length > 0;

  return (
    <Panel intro="Scores the Ratings sheet against the matrix as the workbook has it (your edits included) and writes the readiness and gap heatmaps, the team summary and the calibration sheet.">
      <div className={styles.actions}>
        <Button appearance="primary" disabled={task.running !== undefined} onClick={() => void score()}>
          {ACTION_WORD.score}
        </Button>
      </div>
      <TaskFeedback task={task} failureTitle="Scoring failed" />
      {scoring && result && task.running === undefined && (
        <>
          <ScoreOutcome
            result={result}
            computedAt={scoring.computedAt}
            origin={scoring.origin}
            onGoToRatings={() => void goToRatings(result)}
            onNext={onNext}
          />
          {!scoredSomeone && <TaskFeedback task={selectTask} failureTitle="Could not select the row" />}
          <ProblemList
            problems={result.problems.filter((p) => !fromMatrix(p))}
            title="Problems in the ratings"
          />
          <ProblemList problems={result.problems.filter(fromMatrix)} title="Problems in the matrix" />
        </>
      )}
      {scoring && scoredSomeone && (
        <>
          <Section title={readinessTitle("next")}>
            <StatusSummary counts={scoring.result.counts} label="People by readiness for their next level" />
          </Section>
          <Section title="People">
            <PeopleTable
              matrix={scoring.matrix}
              scored={scoring.result.scored}
              onSelect={(p) => void select(p)}
            />
            <TaskFeedback task={selectTask} failureTitle="Could not select the row" />
          </Section>
          <Section title="Export the heatmaps">
            <ExportActions
              title="Career matrix heatmaps"
              xlsx={async () => (await loadExport()).heatmapsXlsx(host, framework)}
              csv={(
                [
                  ["readiness", "Readiness by level", "Readiness"],
                  ["current-gaps", "Gaps at the current level", "Gaps at current level"],
                  ["next-gaps", "Gaps at the next level", "Gaps at next level"],
                  ["teams", "Mean gap by team", "Team gaps"],
                ] as const
              ).map(([which, label, name]) => ({
                label,
                name,
                make: async () =>
                  (await loadExport()).heatmapCsv(scoring.matrix, scoring.result.scored, which),
              }))}
            />
          </Section>
        </>
      )}
    </Panel>
  );
}
