/** @jest-environment jsdom */
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { fluentTheme, isDarkColor, themeNameFor } from "../../src/taskpane/theme";
import { officeThemeSource, systemThemeSource } from "../../src/taskpane/use-theme-name";

function prefersDark(dark: boolean): { fire(dark: boolean): void } {
  const listeners: ((event: MediaQueryListEvent) => void)[] = [];
  let matches = dark;
  window.matchMedia = ((query: string) => ({
    get matches() {
      return query === "(prefers-color-scheme: dark)" && matches;
    },
    addEventListener: (_: string, listener: (event: MediaQueryListEvent) => void) => listeners.push(listener),
    removeEventListener: () => undefined,
  })) as unknown as typeof window.matchMedia;
  return {
    fire(next) {
      matches = next;
      listeners.forEach((l) => l({ matches: next } as MediaQueryListEvent));
    },
  };
}

describe("the pane's theme", () => {
  test("a dark Office theme (Black, Dark Gray) gets Fluent's dark theme; Colorful and White the light one", () => {
    expect(themeNameFor({ bodyBackgroundColor: "#262626" })).toBe("dark");
    expect(themeNameFor({ bodyBackgroundColor: "#666666" })).toBe("dark");
    expect(themeNameFor({ bodyBackgroundColor: "#FFFFFF" })).toBe("light");
    expect(themeNameFor({ bodyBackgroundColor: "#E6E6E6" })).toBe("light");
    expect(isDarkColor("not a colour")).toBeUndefined();
    expect(fluentTheme("dark")).toBe(webDarkTheme);
    expect(fluentTheme("light")).toBe(webLightTheme);
  });

  test("inside Office the Office theme wins over the system's", () => {
    prefersDark(false);
    const source = officeThemeSource({
      officeTheme: { bodyBackgroundColor: "#1F1F1F" } as Office.OfficeTheme,
    });
    expect(source.current()).toBe("dark");
  });

  test("without an Office theme the pane follows the system colour scheme as it changes", () => {
    const system = prefersDark(true);
    const source = officeThemeSource(undefined);
    expect(source.current()).toBe("dark");
    const seen: string[] = [];
    source.subscribe((name) => seen.push(name));
    system.fire(false);
    expect(seen).toEqual(["light"]);
    expect(systemThemeSource.current()).toBe("light");
  });
});
