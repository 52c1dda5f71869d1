// Fails when src/shared/api/schema.d.ts is not what openapi-typescript generates from openapi.json.
// Fix with `npm run gen:api` (after `spotlight openapi > web/openapi.json`).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const committed = join(root, "src/shared/api/schema.d.ts");
const dir = mkdtempSync(join(tmpdir(), "spotlight-api-"));
const fresh = join(dir, "schema.d.ts");
try {
  execFileSync(
    process.execPath,
    [
      join(root, "node_modules/openapi-typescript/bin/cli.js"),
      join(root, "openapi.json"),
      // free-form objects (rule params) become `unknown`, not `Record<string, never>`
      "--empty-objects-unknown",
      "-o",
      fresh,
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  let current = "";
  try {
    current = readFileSync(committed, "utf8");
  } catch {
    current = "";
  }
  if (current !== readFileSync(fresh, "utf8")) {
    console.error(
      "web/src/shared/api/schema.d.ts is stale relative to web/openapi.json: run `cd web && npm run gen:api` and commit the result.",
    );
    process.exit(1);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
