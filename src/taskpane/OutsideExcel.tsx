/** What the task pane says when opened in a plain browser, outside Excel. */
import { Link, Text } from "@fluentui/react-components";

export function OutsideExcel() {
  return (
    <Text as="p" block>
      This is the Career Matrix task pane: open it from the Home tab in Excel. To try the add-in without
      Excel, open the <Link href="workbench.html">workbench</Link>.
    </Text>
  );
}
