import { Button, Field, ProgressBar } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { Task } from "../use-task";
import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "./MessageBarOnDemand";

/** The running action as a labelled progress bar, and a failure as an error message the user dismisses. */
export function TaskFeedback({ task, failureTitle }: { task: Task; failureTitle: string }) {
  return (
    <>
      {task.running && (
        <Field validationMessage={`${task.running}…`} validationState="none" role="status">
          <ProgressBar thickness="large" aria-label={task.running} />
        </Field>
      )}
      {task.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{failureTitle}</MessageBarTitle>
            {task.error}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label="Dismiss"
                icon={<DismissRegular />}
                onClick={task.dismissError}
              />
            }
          />
        </MessageBar>
      )}
    </>
  );
}
