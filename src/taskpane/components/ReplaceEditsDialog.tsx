/** Asks before the matrix sheets are rebuilt from the framework, listing the edits that would be lost. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Text,
} from "@fluentui/react-components";
import type { Problem } from "../../core/types";
import { plural } from "../format";

const useStyles = makeStyles({
  changes: { margin: 0, paddingLeft: "20px" },
});

export interface ReplaceEditsDialogProps {
  /** Tab names of the matrix sheets to rebuild. */
  sheets: string[];
  frameworkName: string;
  changes: Problem[];
  onKeep(): void;
  onReplace(): void;
}

export function ReplaceEditsDialog({
  sheets,
  frameworkName,
  changes,
  onKeep,
  onReplace,
}: ReplaceEditsDialogProps) {
  const styles = useStyles();
  return (
    <Dialog open onOpenChange={(_, d) => (d.open ? undefined : onKeep())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Replace your edits?</DialogTitle>
          <DialogContent>
            <Text as="p" block>
              {sheets.join(", ")} will be rebuilt from {frameworkName}. These {plural(changes.length, "edit")}{" "}
              will be lost:
            </Text>
            <ul className={styles.changes}>
              {changes.slice(0, 12).map((c, i) => (
                <li key={i}>
                  {c.cell ? `${c.sheet}!${c.cell}: ` : ""}
                  {c.message}
                </li>
              ))}
              {changes.length > 12 && <li>and {changes.length - 12} more</li>}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onKeep}>
              Keep my edits
            </Button>
            <Button appearance="primary" onClick={onReplace}>
              Replace
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
