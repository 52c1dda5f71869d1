// Fails the build when the initial JS (the scripts index.html loads, plus the chunks they
// import statically via modulepreload) is over 250 KB gzipped. Prints the figure.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const LIMIT = 250 * 1024;
const dist = new URL("../dist/", import.meta.url).pathname;
const html = readFileSync(join(dist, "index.html"), "utf8");
const files = [
  ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
].map((m) => m[1]);
if (files.length === 0) {
  console.error("check-bundle: index.html loads no script");
  process.exit(1);
}
const size = [...new Set(files)].reduce(
  (n, f) => n + gzipSync(readFileSync(join(dist, f.replace(/^\//, ""))), { level: 9 }).length,
  0,
);
const kb = (size / 1024).toFixed(1);
if (size > LIMIT) {
  console.error(`check-bundle: initial JS is ${kb} KB gzipped, over the 250 KB budget`);
  process.exit(1);
}
console.log(`initial JS ${kb} KB gzipped (budget 250 KB)`);
