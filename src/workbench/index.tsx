import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Text, Title2, webLightTheme } from "@fluentui/react-components";

// The workbench runs the add-in against an in-memory workbook in a plain browser: no Office, no Excel.
function Workbench() {
  return (
    <FluentProvider
      theme={webLightTheme}
      style={{ minHeight: "100vh", padding: "24px", boxSizing: "border-box" }}
    >
      <Title2 as="h1" block>
        Career Matrix workbench
      </Title2>
      <Text as="p" block>
        Try the add-in in a plain browser, on an in-memory workbook instead of Excel.
      </Text>
    </FluentProvider>
  );
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Workbench />
    </StrictMode>,
  );
}
