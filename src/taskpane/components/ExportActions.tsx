import {
  Button,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, DocumentTableRegular, OpenRegular } from "@fluentui/react-icons";
import { fileName, toBase64, XLSX_TYPE } from "../export/load-export";
import { useServices } from "../services";
import { useTask } from "../use-task";
import { TaskFeedback } from "./TaskFeedback";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: "8px" },
  column: { display: "flex", flexDirection: "column", gap: "8px" },
});

export interface CsvChoice {
  label: string;
  /** File name without extension. */
  name: string;
  make(): Promise<string>;
}

export interface ExportActionsProps {
  /** File name without extension. */
  title: string;
  xlsx(): Promise<Uint8Array>;
  csv: CsvChoice[];
}

/** Download .xlsx, open as a new workbook (where Excel can), download CSV. */
export function ExportActions({ title, xlsx, csv }: ExportActionsProps) {
  const styles = useStyles();
  const { saveFile, openWorkbook } = useServices();
  const task = useTask();
  const busy = task.running !== undefined;

  const downloadCsv = (choice: CsvChoice) =>
    task.run(`Preparing ${fileName(choice.name, "csv")}`, async () => {
      saveFile(
        fileName(choice.name, "csv"),
        new Blob([await choice.make()], { type: "text/csv;charset=utf-8" }),
      );
    });

  return (
    <div className={styles.column}>
      <div className={styles.row}>
        <Button
          icon={<ArrowDownloadRegular />}
          disabled={busy}
          onClick={() =>
            task.run(`Preparing ${fileName(title, "xlsx")}`, async () => {
              const bytes = await xlsx();
              saveFile(fileName(title, "xlsx"), new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
            })
          }
        >
          Download .xlsx
        </Button>
        {openWorkbook && (
          <Button
            icon={<OpenRegular />}
            disabled={busy}
            onClick={() =>
              task.run("Opening a new workbook", async () => openWorkbook(toBase64(await xlsx())))
            }
          >
            Open as new workbook
          </Button>
        )}
        {csv.length === 1 ? (
          <Button icon={<DocumentTableRegular />} disabled={busy} onClick={() => downloadCsv(csv[0])}>
            Download CSV
          </Button>
        ) : (
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button icon={<DocumentTableRegular />} disabled={busy}>
                Download CSV
              </Button>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                {csv.map((choice) => (
                  <MenuItem key={choice.name} onClick={() => void downloadCsv(choice)}>
                    {choice.label}
                  </MenuItem>
                ))}
              </MenuList>
            </MenuPopover>
          </Menu>
        )}
      </div>
      <TaskFeedback task={task} failureTitle="Export failed" />
    </div>
  );
}
