import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Cell, Problem } from "../../core/types";
import { LOG_KEY, readLog } from "../../sheets/calibration-session-sheets";
import { RATINGS_KEY } from "../../sheets/ratings-sheet";
import {
  abandonCalibration,
  endCalibration,
  type NeedsConfirmation,
  recordRatingChanges,
  startCalibration,
} from "../../workbook/calibration-session";
import { plural } from "../format";
import { useServices } from "../services";
import { useTask } from "../use-task";
import { ProblemList } from "./ProblemList";
import { TaskFeedback } from "./TaskFeedback";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
});

interface Recording {
  started: string;
  recorded: number;
}

/**
 * Start, end or abandon a calibration session. While a session is in progress and the pane is open, every rating
 * changed on the Ratings sheet is appended to the Calibration log as it happens (where the workbook reports changes).
 */
export function CalibrationSession({ onEnded }: { onEnded(): void }) {
  const styles = useStyles();
  const { host, framework } = useServices();
  const task = useTask();
  const [recording, setRecording] = useState<Recording | null>(null);
  const [confirm, setConfirm] = useState<{ message: string; yes: string; run(): void } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const seen = useRef<Cell[][] | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());

  // A session in progress when the pane opens: record from the ratings as they are now (the end catches the rest).
  useEffect(() => {
    let live = true;
    void (async () => {
      const [log, ratings] = await Promise.all([
        host.readSheets([LOG_KEY]).then((r) => readLog(r[0]?.values)),
        host.readSheets([RATINGS_KEY]),
      ]);
      if (live && log.status?.state === "in progress" && ratings[0]) {
        seen.current = ratings[0].values;
        setRecording({ started: log.status.started, recorded: 0 });
      }
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host]);

  const record = useCallback(() => {
    // One at a time, in order: each compares with the copy the previous one left.
    queue.current = queue.current.then(async () => {
      if (!seen.current) return;
      try {
        const result = await recordRatingChanges(host, framework, seen.current);
        seen.current = result.ratings;
        if (!result.active) {
          seen.current = null;
          setRecording(null);
          return;
        }
        if (result.recorded.length > 0) {
          setRecording((r) => r && { ...r, recorded: r.recorded + result.recorded.length });
          setProblems((p) => [...p, ...result.problems]);
        }
      } catch {
        // A change that could not be logged now is found at the end, against the baseline.
      }
    });
  }, [host, framework]);

  const watching = recording !== null;
  useEffect(() => {
    if (!watching || !host.watchSheet) return;
    let stop: (() => Promise<void>) | undefined;
    let live = true;
    void host
      .watchSheet(RATINGS_KEY, record)
      .then((s) => {
        if (live) stop = s;
        else void s();
      })
      .catch(() => undefined);
    return () => {
      live = false;
      void stop?.();
    };
  }, [watching, host, record]);

  const ask = (result: NeedsConfirmation, yes: string, run: () => void) =>
    setConfirm({ message: result.confirm, yes, run });

  const start = (startOver = false) =>
    void task.run("Starting the calibration session", async () => {
      setConfirm(null);
      setDone(null);
      const result = await startCalibration(host, { startOver });
      if ("confirm" in result) return ask(result, "Start over", () => start(true));
      setProblems(result.problems);
      if (result.started === null) return;
      seen.current = result.ratings;
      setRecording({ started: result.started, recorded: 0 });
    });

  const end = (again = false) =>
    void task.run("Ending the calibration session", async () => {
      setConfirm(null);
      await queue.current;
      const result = await endCalibration(host, framework, { again });
      if ("confirm" in result) return ask(result, "End again", () => end(true));
      setProblems(result.problems);
      if (!result.outcome) return;
      seen.current = null;
      setRecording(null);
      setDone(
        `${plural(result.outcome.totals.ratingsChanged, "rating")} changed, ` +
          `${plural(result.outcome.totals.statusChanged, "person", "people")} changed status. ` +
          "The outcome is on the Calibration outcome sheet.",
      );
      onEnded();
    });

  const abandon = () =>
    void task.run("Abandoning the calibration session", async () => {
      setConfirm(null);
      const result = await abandonCalibration(host);
      setProblems(result.problems);
      seen.current = null;
      setRecording(null);
      if (result.abandoned) setDone("Session abandoned: the ratings stay as they are.");
    });

  const busy = task.running !== undefined;
  return (
    <>
      {recording ? (
        <Text as="p" block role="status">
          Session in progress since {recording.started}: {plural(recording.recorded, "change")} logged while
          this pane was open.
        </Text>
      ) : (
        <Text as="p" block>
          Start a session to keep the ratings as they stand and log every change, with a reason you type on
          the Calibration log sheet.
        </Text>
      )}
      <div className={styles.actions}>
        {recording ? (
          <>
            <Button appearance="primary" disabled={busy} onClick={() => end()}>
              End calibration
            </Button>
            <Button disabled={busy} onClick={() => start()}>
              Start over
            </Button>
            <Button disabled={busy} onClick={abandon}>
              Abandon session
            </Button>
          </>
        ) : (
          <>
            <Button appearance="primary" disabled={busy} onClick={() => start()}>
              Start calibration
            </Button>
            <Button disabled={busy} onClick={() => end()}>
              End calibration
            </Button>
          </>
        )}
      </div>
      {confirm && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Are you sure?</MessageBarTitle>
            {confirm.message}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={confirm.run}>{confirm.yes}</Button>
            <Button onClick={() => setConfirm(null)}>Cancel</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <TaskFeedback task={task} failureTitle="The session step failed" />
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      <ProblemList problems={problems} title="Problems in the session" />
    </>
  );
}
