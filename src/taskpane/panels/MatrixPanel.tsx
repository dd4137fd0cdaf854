import { Button, makeStyles, Text } from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import type { TrackId } from "../../core/framework";
import type { Problem } from "../../core/types";
import { matrixKey } from "../../sheets/matrix-key";
import type { BuildMatrixResult } from "../../workbook/commands";
import type { TrackEdits } from "../../workbook/matrix-edits";
import { clockTime, plural } from "../format";
import { Panel, Section } from "../components/Panel";
import { ProblemListOnDemand as ProblemList } from "../components/ProblemListOnDemand";
import { TaskFeedback } from "../components/TaskFeedback";
import { FrameworkSection } from "../components/FrameworkSection";
import { TrackChooser } from "../components/TrackChooser";
import { loadCommands } from "../load-commands";
import { useServices } from "../services";
import { GetStarted, type StepTab } from "../components/GetStarted";
import { useTask } from "../use-task";
import { useWorkbookChanged } from "../workbook-changes";
import {
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "../components/MessageBarOnDemand";

const ReplaceEditsDialog = lazy(() =>
  import(/* webpackChunkName: "replace-edits-dialog" */ "../components/ReplaceEditsDialog").then((m) => ({
    default: m.ReplaceEditsDialog,
  })),
);

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
});

interface Done {
  written: string[];
  kept: boolean;
  problems: Problem[];
  at: Date;
  /** The edits on the sheets just after: once they differ, the result is history. */
  after: string;
}

const editsKey = (edits: TrackEdits[]): string => JSON.stringify(edits);

/** One problem, however many lists found it. */
function sameProblem(a: Problem, b: Problem): boolean {
  return a.sheet === b.sheet && a.cell === b.cell && a.message === b.message;
}

/** Edits on the chosen tracks' sheets, as problems so each change points at its cell. */
function changesAsList(edits: TrackEdits[]): Problem[] {
  return edits.flatMap((e) =>
    e.changes.map((c) => ({
      severity: "warning" as const,
      message: c.message,
      sheet: e.sheet,
      cell: c.cell,
    })),
  );
}

/** `active`: the tab is in view; each time it comes into view it reads the sheets again, edits made meanwhile included. */
export function MatrixPanel({
  active = true,
  onNext,
  onOpen,
}: {
  active?: boolean;
  onNext?(): void;
  /** Opens another tab: the Get started steps lead there. */
  onOpen?(tab: StepTab): void;
}) {
  const buildButton = useRef<HTMLButtonElement>(null);
  const styles = useStyles();
  const { host, framework } = useServices();
  const task = useTask();
  const [selected, setSelected] = useState<TrackId[]>([]);
  const [edits, setEdits] = useState<TrackEdits[] | undefined>();
  const [done, setDone] = useState<Done | undefined>();
  const [confirming, setConfirming] = useState(false);

  const inspect = useCallback(async () => {
    const { readCareerMatrix } = await loadCommands();
    const read = await readCareerMatrix(host, framework);
    setEdits(read.edits);
    return read.edits;
  }, [host, framework]);

  const { run } = task;
  useEffect(() => {
    void run("Looking for matrix sheets", async () => {
      const found = await inspect();
      // Start from the tracks already in the workbook, or the first track for a new workbook.
      setSelected(
        found.length > 0 ? found.map((e) => e.track) : framework.tracks.slice(0, 1).map((t) => t.id),
      );
    });
  }, [run, inspect, framework]);

  const shownBefore = useRef(false);
  useEffect(() => {
    if (!active) return;
    if (!shownBefore.current) {
      shownBefore.current = true;
      return;
    }
    // What was done before is history once the sheets may have been edited: the tab shows them as they are now.
    setDone(undefined);
    void run("Reading the matrix sheets again", () => inspect());
  }, [active, run, inspect]);

  // Edits made on the sheets while the tab is in view: read them, and drop a result they made out of date.
  useWorkbookChanged(
    active,
    useCallback(
      () =>
        void run("Reading the matrix sheets again", async () => {
          const found = await inspect();
          setDone((before) => (before && before.after === editsKey(found) ? before : undefined));
        }),
      [run, inspect],
    ),
  );

  const chosenEdits = (edits ?? []).filter((e) => selected.includes(e.track));
  const existing = chosenEdits.map((e) => e.sheet);
  const changes = changesAsList(chosenEdits);
  const editProblems = chosenEdits.flatMap((e) => e.problems);
  // A refresh leaves a sheet with errors as it is, so nothing typed there is lost: say so, and offer no button
  // that would change nothing.
  const blocked = chosenEdits
    .filter((e) => e.problems.some((p) => p.severity === "error"))
    .map((e) => e.sheet);
  const nothingToWrite = selected.length > 0 && blocked.length === selected.length;

  const build = (keepEdits: boolean) =>
    task.run(
      existing.length > 0 ? "Refreshing the matrix sheets" : "Building the matrix sheets",
      async () => {
        setConfirming(false);
        const { buildMatrix } = await loadCommands();
        const result: BuildMatrixResult = await buildMatrix(host, framework, selected, { keepEdits });
        const after = await inspect();
        setDone({
          written: result.written,
          kept: keepEdits,
          problems: result.problems,
          at: new Date(),
          after: editsKey(after),
        });
      },
    );

  const trackName = (key: string) =>
    framework.tracks.find((t) => matrixKey(t.id) === key)?.name ?? key.replace(/^matrix:/, "");

  return (
    <Panel intro="A matrix sheet per track: the expected rating and what it looks like at each level. Edit values and descriptions in Excel; scoring reads your edits back.">
      {onOpen && <GetStarted onOpen={onOpen} onBuild={() => buildButton.current?.focus()} />}
      <TrackChooser
        tracks={framework.tracks}
        selected={selected}
        onChange={setSelected}
        disabled={task.running !== undefined}
      />
      {existing.length > 0 && (
        <Section title="What a refresh does">
          <Text as="p" block>
            {existing.length === 1 ? `${existing[0]} is` : `${existing.join(", ")} are`} already in the
            workbook. Refreshing keeps{" "}
            {changes.length > 0 ? `your ${plural(changes.length, "edit")}` : "every value and description"}{" "}
            and restores the layout, drop-downs and colours. Tracks without a sheet get a new one.
          </Text>
          {changes.length > 0 && <ProblemList problems={changes} title="Your edits" asEdits />}
          {blocked.length > 0 && (
            <Text as="p" block>
              {blocked.join(", ")} {blocked.length === 1 ? "has" : "have"} errors and{" "}
              {blocked.length === 1 ? "is" : "are"} left as {blocked.length === 1 ? "it is" : "they are"} by a
              refresh until they are fixed.
            </Text>
          )}
          {editProblems.length > 0 && (
            <ProblemList problems={editProblems} title="Fix these before refreshing" />
          )}
        </Section>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          ref={buildButton}
          disabled={selected.length === 0 || nothingToWrite || task.running !== undefined}
          onClick={() => void build(true)}
        >
          {existing.length > 0 ? "Refresh matrix sheets" : "Build matrix sheets"}
        </Button>
        {changes.length > 0 && (
          <Button disabled={task.running !== undefined} onClick={() => setConfirming(true)}>
            Replace with the framework…
          </Button>
        )}
      </div>
      <TaskFeedback task={task} failureTitle="The matrix sheets were not written" />
      {done && task.running === undefined && (
        <>
          {done.written.length > 0 && (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>
                  {done.kept ? "Matrix sheets written" : "Matrix sheets replaced with the framework"}
                </MessageBarTitle>
                {done.written.map(trackName).join(", ")}, at {clockTime(done.at)}. Next: add your team on the
                Ratings tab (or skip this step when the workbook already has ratings).
              </MessageBarBody>
              {onNext && (
                <MessageBarActions>
                  <Button onClick={onNext}>Open Ratings</Button>
                </MessageBarActions>
              )}
            </MessageBar>
          )}
          <ProblemList
            problems={done.problems.filter((p) => !editProblems.some((e) => sameProblem(e, p)))}
            title="Problems"
          />
        </>
      )}
      <FrameworkSection />
      {confirming && (
        // Loaded when asked for: the dialog's code stays out of the pane's first load.
        <Suspense fallback={null}>
          <ReplaceEditsDialog
            sheets={existing}
            frameworkName={framework.name}
            changes={changes}
            onKeep={() => setConfirming(false)}
            onReplace={() => void build(false)}
          />
        </Suspense>
      )}
    </Panel>
  );
}
