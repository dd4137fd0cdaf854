/**
 * Tells the tabs when the workbook changed under the pane — a rating typed, a matrix cell edited, the ribbon's Refresh
 * heatmaps, a sheet added or deleted — so what the pane shows is read again instead of going stale.
 *
 * The pane's own commands change the workbook too; those changes are not news to the tab that made them. A change
 * heard while one of the pane's tasks runs, or just after, is taken as the pane's own. Changes come in bursts (a
 * paste, a command's several sheets): the tabs hear of a burst once it has settled.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { useServices } from "./services";

/** How long after one of the pane's own tasks a change is still taken as its own. */
export const OWN_CHANGE_MS = 1500;
/** How long a burst of changes must be quiet before the tabs hear of it. */
export const SETTLE_MS = 500;

interface WorkbookChanges {
  /** Goes up by one each time the workbook changed by someone else than the pane. */
  version: number;
  /** Goes up each time the workbook may have changed: `version`'s changes and each end of the pane's own tasks. */
  anyVersion: number;
  /** The pane's tasks say when they start and end. */
  taskStarted(): void;
  taskEnded(): void;
}

const Changes = createContext<WorkbookChanges>({
  version: 0,
  anyVersion: 0,
  taskStarted: () => undefined,
  taskEnded: () => undefined,
});

export function WorkbookChangesProvider({ children }: { children: ReactNode }) {
  const { host } = useServices();
  const [version, setVersion] = useState(0);
  const [ownTasks, setOwnTasks] = useState(0);
  const running = useRef(0);
  const lastEnded = useRef(Number.NEGATIVE_INFINITY);

  const taskStarted = useCallback(() => {
    running.current++;
  }, []);
  const taskEnded = useCallback(() => {
    running.current = Math.max(0, running.current - 1);
    lastEnded.current = Date.now();
    setOwnTasks((n) => n + 1);
  }, []);

  useEffect(() => {
    if (!host.watchWorkbook) return;
    let settling: ReturnType<typeof setTimeout> | undefined;
    let stop: (() => Promise<void>) | undefined;
    let closed = false;
    const heard = () => {
      if (running.current > 0 || Date.now() - lastEnded.current < OWN_CHANGE_MS) return;
      clearTimeout(settling);
      settling = setTimeout(() => setVersion((v) => v + 1), SETTLE_MS);
    };
    host
      .watchWorkbook(heard)
      .then((remove) => {
        if (closed) void remove().catch(() => undefined);
        else stop = remove;
      })
      // Without events the tabs still read the workbook each time they are shown.
      .catch(() => undefined);
    return () => {
      closed = true;
      clearTimeout(settling);
      void stop?.().catch(() => undefined);
    };
  }, [host]);

  const value = useMemo(
    () => ({ version, anyVersion: version + ownTasks, taskStarted, taskEnded }),
    [version, ownTasks, taskStarted, taskEnded],
  );
  return <Changes.Provider value={value}>{children}</Changes.Provider>;
}

/** A number that changes each time someone other than the pane changed the workbook. */
export function useWorkbookVersion(): number {
  return useContext(Changes).version;
}

/**
 * Calls `onChange` once for each change someone other than the pane made while `enabled` (a tab in view). Changes
 * heard while disabled are not replayed: a tab reads the workbook anyway when it comes into view.
 */
export function useWorkbookChanged(enabled: boolean, onChange: () => void): void {
  const version = useWorkbookVersion();
  const heard = useRef(version);
  useEffect(() => {
    if (!enabled || version === heard.current) return;
    heard.current = version;
    onChange();
  }, [enabled, version, onChange]);
}

/** A number that changes each time the workbook may have changed, by anyone, the pane included. */
export function useAnyWorkbookChange(): number {
  return useContext(Changes).anyVersion;
}

/** For useTask: marks the pane's own work, so its changes are not taken for someone else's. */
export function useOwnChanges(): Pick<WorkbookChanges, "taskStarted" | "taskEnded"> {
  const { taskStarted, taskEnded } = useContext(Changes);
  return useMemo(() => ({ taskStarted, taskEnded }), [taskStarted, taskEnded]);
}
