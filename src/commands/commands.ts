import { bundledFramework } from "../data";
import { OfficeHost } from "../hosts/office/office-host";
import { showFailure } from "./failure-dialog";
import { refreshHeatmapsAction } from "./refresh-heatmaps";
import { associateRibbonActions } from "./ribbon";

if (typeof Office !== "undefined") {
  void Office.onReady(() => {
    const host = new OfficeHost(Excel.run);
    associateRibbonActions(
      Office.actions,
      { refreshHeatmaps: refreshHeatmapsAction(host, bundledFramework()) },
      (_, error) => showFailure(Office.context.ui, window.location.href, "Refresh heatmaps", error),
    );
  });
}
