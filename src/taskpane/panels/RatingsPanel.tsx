import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from "@fluentui/react-components";
import { PeopleTeamRegular } from "@fluentui/react-icons";
import { useEffect, useMemo, useRef, useState } from "react";
import { careerMatrixFromFramework } from "../../core/career-matrix";
import { sampleTeam } from "../../data";
import { RATINGS_KEY, type NewPerson } from "../../sheets/ratings-sheet";
import { createRatings, type CreateRatingsResult } from "../../workbook/commands";
import { plural } from "../format";
import { Panel, Section } from "../components/Panel";
import { PeopleEditor } from "../components/PeopleEditor";
import { ProblemList } from "../components/ProblemList";
import { TaskFeedback } from "../components/TaskFeedback";
import { useServices } from "../services";
import { useTask } from "../use-task";
import { useWorkbookVersion } from "../workbook-changes";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
  result: { display: "flex", flexDirection: "column", gap: "8px" },
});

/** The sample team as people to add; their ratings are typed on the sheet like anyone's. */
function samplePeople(): NewPerson[] {
  return sampleTeam().people.map(({ person, track, level, rater, team, specialisation }) => ({
    person,
    track,
    level,
    rater,
    team,
    ...(specialisation === undefined ? {} : { specialisation }),
  }));
}

/**
 * `active`: the tab is in view; it looks for the Ratings sheet again each time, in case it was made or removed
 * meanwhile. `onNext` opens the step after rating: scoring.
 */
export function RatingsPanel({ active = true, onNext }: { active?: boolean; onNext?(): void }) {
  const styles = useStyles();
  const { host, framework } = useServices();
  const matrix = useMemo(() => careerMatrixFromFramework(framework), [framework]);
  const task = useTask();
  const [people, setPeople] = useState<NewPerson[]>([]);
  const [sheetExists, setSheetExists] = useState(false);
  const [done, setDone] = useState<CreateRatingsResult | undefined>();

  const { run } = task;
  // Looked for each time the tab is shown and each time the workbook changes while it is (a sheet deleted, say).
  const version = useWorkbookVersion();
  useEffect(() => {
    if (!active) return;
    void run("Looking for the Ratings sheet", async () => {
      setSheetExists((await host.ownedSheets()).some((s) => s.key === RATINGS_KEY));
    });
  }, [run, host, active, version]);

  // The button that was pressed disables itself while the sheet is written: the keyboard goes on to the result.
  const result = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) result.current?.focus();
  }, [done]);
  const goToSheet = () => task.run("Going to the Ratings sheet", () => host.select(RATINGS_KEY, "A2"));

  const create = () =>
    task.run(sheetExists ? "Adding people to the Ratings sheet" : "Creating the Ratings sheet", async () => {
      const result = await createRatings(host, framework, people);
      setDone(result);
      setSheetExists(true);
      setPeople([]);
    });

  return (
    <Panel intro="One row per person, a column per competency. Add your team here, then type each rating on the sheet (blank means not assessed). Ratings already typed are always kept.">
      <Section title="People to add">
        <div className={styles.actions}>
          <Button
            icon={<PeopleTeamRegular />}
            disabled={task.running !== undefined}
            onClick={() => setPeople(samplePeople())}
          >
            Use the sample team
          </Button>
        </div>
        <PeopleEditor matrix={matrix} people={people} onChange={setPeople} />
      </Section>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={task.running !== undefined || (sheetExists && people.length === 0)}
          onClick={() => void create()}
        >
          {sheetExists
            ? people.length > 0
              ? `Add ${plural(people.length, "person", "people")} to the Ratings sheet`
              : "Add people to the Ratings sheet"
            : people.length > 0
              ? `Create the Ratings sheet with ${plural(people.length, "person", "people")}`
              : "Create an empty Ratings sheet"}
        </Button>
      </div>
      <TaskFeedback task={task} failureTitle="The Ratings sheet was not written" />
      {done && task.running === undefined && (
        <div
          ref={result}
          tabIndex={-1}
          role="region"
          aria-label="Ratings sheet result"
          className={styles.result}
        >
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Ratings sheet ready</MessageBarTitle>
              {done.added.length > 0
                ? `Added ${plural(done.added.length, "person", "people")}. Type their ratings on the sheet, then score.`
                : "No one new to add."}
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => void goToSheet()}>Go to the sheet</Button>
              {onNext && <Button onClick={onNext}>Open Score</Button>}
            </MessageBarActions>
          </MessageBar>
          {done.skipped.length > 0 && (
            <Section title={`Not added (${done.skipped.length})`}>
              <ul>
                {done.skipped.map((s) => (
                  <li key={s.person}>
                    <Text>
                      {s.person}: {s.reason}
                    </Text>
                  </li>
                ))}
              </ul>
            </Section>
          )}
          <ProblemList problems={done.problems} title="Problems" />
        </div>
      )}
    </Panel>
  );
}
