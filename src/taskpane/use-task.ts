import { useCallback, useRef, useState } from "react";
import { useOwnChanges } from "./workbook-changes";

export interface Task {
  /** What is running, in words ("Building the matrix sheets"), or undefined when idle. */
  running: string | undefined;
  /** Why the last run failed, until the next run. */
  error: string | undefined;
  /** Runs work one at a time; resolves to its result, or to undefined when it failed (the error is kept). */
  run<T>(label: string, work: () => Promise<T>): Promise<T | undefined>;
  dismissError(): void;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return typeof error === "string" && error
    ? error
    : "Something went wrong and the workbook reported no reason.";
}

/** Progress and failure of a pane action, so nothing runs unseen and nothing fails silently. */
export function useTask(): Task {
  const [running, setRunning] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const busy = useRef(false);
  const { taskStarted, taskEnded } = useOwnChanges();

  const run = useCallback(
    async <T>(label: string, work: () => Promise<T>): Promise<T | undefined> => {
      if (busy.current) return undefined;
      busy.current = true;
      taskStarted();
      setRunning(label);
      setError(undefined);
      try {
        return await work();
      } catch (caught: unknown) {
        setError(errorMessage(caught));
        return undefined;
      } finally {
        busy.current = false;
        taskEnded();
        setRunning(undefined);
      }
    },
    [taskStarted, taskEnded],
  );

  const dismissError = useCallback(() => setError(undefined), []);
  return { running, error, run, dismissError };
}
