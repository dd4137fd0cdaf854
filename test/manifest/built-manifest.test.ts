/**
 * @jest-environment jsdom
 */
// jsdom provides DOMParser, which reads the manifest as XML with its namespaces.
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { BUILD_TIMEOUT_MS, productionBuild, productionUrl, projectRoot } from "../build/production-build";

const namespaceAttribute = /^xmlns(:|$)/;

/** Every URL the manifest references (attribute values and texts), namespace declarations aside. */
function referencedUrls(manifest: Document): string[] {
  const urls = new Set<string>();
  for (const element of Array.from(manifest.getElementsByTagName("*"))) {
    for (const attribute of Array.from(element.attributes)) {
      if (!namespaceAttribute.test(attribute.name) && /^\w+:\/\//.test(attribute.value))
        urls.add(attribute.value);
    }
    const text = element.childElementCount === 0 ? (element.textContent ?? "").trim() : "";
    if (/^\w+:\/\//.test(text)) urls.add(text);
  }
  return [...urls];
}

function parse(xml: string): Document {
  const document = new DOMParser().parseFromString(xml, "application/xml");
  expect(document.getElementsByTagName("parsererror")).toHaveLength(0);
  return document;
}

describe("the manifest built by npm run build", () => {
  let dist: string;
  let built: Document;

  beforeAll(() => {
    dist = productionBuild();
    built = parse(readFileSync(join(dist, "manifest.xml"), "utf8"));
  }, BUILD_TIMEOUT_MS);

  test("points every URL at the production address instead of localhost", () => {
    const urls = referencedUrls(built);
    expect(urls.length).toBeGreaterThanOrEqual(6);
    expect(urls.filter((url) => !url.startsWith(productionUrl))).toEqual([]);
    expect(readFileSync(join(dist, "manifest.xml"), "utf8")).not.toContain("localhost");
  });

  test("references only pages and icons that exist in the build", () => {
    const missing = referencedUrls(built)
      .map((url) => url.slice(productionUrl.length))
      .filter((file) => !existsSync(join(dist, file)));
    expect(missing).toEqual([]);
  });

  test("opens the task pane page and runs ribbon functions from the commands page", () => {
    const urlsById = new Map(
      Array.from(built.getElementsByTagName("bt:Url")).map((url) => [
        url.getAttribute("id"),
        url.getAttribute("DefaultValue"),
      ]),
    );
    const sourceLocation = built.getElementsByTagName("SourceLocation")[0].getAttribute("DefaultValue");
    const functionFile = built.getElementsByTagName("FunctionFile")[0].getAttribute("resid");
    expect(sourceLocation).toBe(`${productionUrl}taskpane.html`);
    expect(urlsById.get(functionFile)).toBe(`${productionUrl}commands.html`);
  });

  test("declares each ribbon icon at the pixel size of its PNG", () => {
    const imagesById = new Map(
      Array.from(built.getElementsByTagName("bt:Image"))
        .filter((image) => image.hasAttribute("id"))
        .map((image) => [image.getAttribute("id"), image.getAttribute("DefaultValue") ?? ""]),
    );
    const uses = Array.from(built.getElementsByTagName("bt:Image")).filter((image) =>
      image.hasAttribute("resid"),
    );
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) {
      const file = join(dist, (imagesById.get(use.getAttribute("resid")) ?? "").slice(productionUrl.length));
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      const size = Number(use.getAttribute("size"));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  test("differs from manifest.xml only in its URLs", () => {
    const source = readFileSync(join(projectRoot, "manifest.xml"), "utf8");
    expect(readFileSync(join(dist, "manifest.xml"), "utf8")).toBe(
      source.split("https://localhost:3000/").join(productionUrl),
    );
  });
});
