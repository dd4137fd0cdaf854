/**
 * A problem list whose code loads with its first problem: the Matrix tab, the pane's first screen, usually has none
 * to show, so the list (with its icons and "Go to cell") stays out of the pane's first load.
 */
import { lazy, Suspense, type ComponentProps } from "react";

const ProblemList = lazy(() =>
  import(/* webpackChunkName: "problem-list" */ "./ProblemList").then((m) => ({ default: m.ProblemList })),
);

export function ProblemListOnDemand(props: ComponentProps<typeof ProblemList>) {
  if (props.problems.length === 0) return null;
  return (
    <Suspense fallback={null}>
      <ProblemList {...props} />
    </Suspense>
  );
}
