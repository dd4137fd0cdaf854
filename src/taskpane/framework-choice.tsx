/**
 * The framework the pane works with: the one the workbook keeps, else the bundled one. Every tab reads it through
 * the services, so choosing another framework changes what Build, Score, Refresh and Compare use at once.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { Framework } from "../core/framework";
import { frameworkInUse, keepFramework } from "../workbook/framework-in-workbook";
import { ServicesProvider, useServices } from "./services";

export interface FrameworkChoice {
  /** True when the workbook keeps a framework of its own. */
  own: boolean;
  /** Why the kept framework could not be used, if it could not. */
  problems: string[];
  /** GitLab's framework, carried by the add-in. */
  bundled: Framework;
  /** Keeps the framework in the workbook and uses it; undefined goes back to the bundled one. */
  choose(framework: Framework | undefined): Promise<void>;
}

const FrameworkChoiceContext = createContext<FrameworkChoice | undefined>(undefined);

export function FrameworkChoiceProvider({ children }: { children: ReactNode }) {
  const services = useServices();
  const bundled = services.framework;
  const [state, setState] = useState({ framework: bundled, own: false, problems: [] as string[] });

  useEffect(() => {
    let current = true;
    frameworkInUse(services.host, bundled).then(
      (found) => current && setState(found),
      // An unreadable workbook leaves the bundled framework in use; the tabs report the workbook's own failures.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [services.host, bundled]);

  const choose = useCallback(
    async (framework: Framework | undefined) => {
      await keepFramework(services.host, framework);
      setState({ framework: framework ?? bundled, own: framework !== undefined, problems: [] });
    },
    [services.host, bundled],
  );
  const withFramework = useMemo(
    () => ({ ...services, framework: state.framework }),
    [services, state.framework],
  );
  const choice = useMemo(
    () => ({ own: state.own, problems: state.problems, bundled, choose }),
    [state.own, state.problems, bundled, choose],
  );
  return (
    <ServicesProvider services={withFramework}>
      <FrameworkChoiceContext.Provider value={choice}>{children}</FrameworkChoiceContext.Provider>
    </ServicesProvider>
  );
}

export function useFrameworkChoice(): FrameworkChoice {
  const choice = useContext(FrameworkChoiceContext);
  if (!choice) throw new Error("The framework choice is used outside the task pane");
  return choice;
}
