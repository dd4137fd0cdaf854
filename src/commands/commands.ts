import { associateRibbonActions, type RibbonActions } from "./ribbon";

// The heatmaps command lands with the Office workbook host; until then the button reports that it is not available.
const actions: RibbonActions = {
  refreshHeatmaps: () =>
    Promise.reject(new Error("Refresh heatmaps is not available yet: use the task pane.")),
};

if (typeof Office !== "undefined") {
  void Office.onReady(() => {
    associateRibbonActions(Office.actions, actions, (actionId, error) =>
      console.error(`${actionId} failed:`, error),
    );
  });
}
