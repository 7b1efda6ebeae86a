/**
 * Regenerates the rule table in docs/guard.md from the rules' metadata:
 * `npx tsx policies/guard/writeDocs.ts`. The metadata test fails when the table is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderRuleTable, replaceTable } from "./docsTable.js";
import { guardRules } from "./rules.js";

const file = fileURLToPath(new URL("../../docs/guard.md", import.meta.url));
writeFileSync(file, replaceTable(readFileSync(file, "utf8"), renderRuleTable(guardRules)));
console.log(`updated ${file}`);
