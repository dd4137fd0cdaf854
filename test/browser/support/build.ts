/** The production build of the add-in's pages, as shipped in dist/, shared with the other suites that need it. */
import { productionBuild, projectRoot } from "../../build/production-build";

export { BUILD_TIMEOUT_MS } from "../../build/production-build";

export const ROOT = projectRoot;

/** The folder of a production build made once for the current sources (dist/ is left alone). */
export function buildProduction(): string {
  return productionBuild();
}
