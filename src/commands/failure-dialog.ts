/**
 * A ribbon command has no pane to speak in, so a failure opens a small Office dialog that says what went wrong. The
 * dialog is the task pane page with the message in its query (?failure=), which renders just the message.
 */
export const FAILURE_PARAM = "failure";

/** The part of Office.context.ui a function file needs. */
export interface DialogUi {
  displayDialogAsync(
    url: string,
    options: Office.DialogOptions,
    callback: (result: Office.AsyncResult<Office.Dialog>) => void,
  ): void;
}

export function failureUrl(pageUrl: string, title: string, message: string): string {
  const url = new URL("taskpane.html", pageUrl);
  url.searchParams.set(FAILURE_PARAM, `${title}\n${message}`);
  return url.toString();
}

/** Opens the dialog; when Office refuses (an old client, a dialog already open) the failure still reaches the log. */
export function showFailure(ui: DialogUi, pageUrl: string, title: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`${title}: ${message}`);
  ui.displayDialogAsync(
    failureUrl(pageUrl, title, message),
    { height: 30, width: 30, displayInIframe: true },
    (result) => {
      if (result.status === Office.AsyncResultStatus.Failed)
        console.error(`The failure could not be shown: ${result.error.message}`);
    },
  );
}

/** The failure a dialog page was opened for: title and message, or undefined on a normal page load. */
export function failureFromUrl(search: string): { title: string; message: string } | undefined {
  const text = new URLSearchParams(search).get(FAILURE_PARAM);
  if (text === null) return undefined;
  const [title, ...rest] = text.split("\n");
  return { title, message: rest.join("\n") };
}
