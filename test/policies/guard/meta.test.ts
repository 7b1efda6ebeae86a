import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderRuleTable, TABLE_END, TABLE_START } from "../../../policies/guard/docsTable.js";
import { GUARD_PACK_NAME } from "../../../policies/guard/meta.js";
import { isResourceRule } from "../../../policies/guard/rule.js";
import { guardRules } from "../../../policies/guard/rules.js";
import { fixturesByRule } from "./fixtures/index.js";

const file = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../../../${path}`, import.meta.url)), "utf8");

/** The 39 prioritized checks of the security and reliability checklist (§6). */
const CHECKLIST = [
  ...["01", "02", "03", "04", "05", "06", "07"].flatMap((n) => [`GKE-${n}`, `EKS-${n}`]),
  ...["RUN-01", "RUN-02", "RUN-03", "RUN-04", "SM-01", "SM-02", "GW-01"],
  ...["K8S-01", "K8S-02", "K8S-03", "K8S-04", "K8S-05", "GPU-01", "GPU-02", "GPU-03", "GPU-04"],
  ...["REL-01", "REL-02", "REL-03", "LWS-01", "LWS-02", "SPOT-01", "SPOT-02", "SPOT-03", "NODE-01"],
];

describe("every rule has an allowed and a denied fixture", () => {
  const fixtures = fixturesByRule();
  it.each(guardRules.map((r) => r.name))("%s", (name) => {
    const f = fixtures.get(name);
    expect(f?.allowed.length ?? 0, `${name} lacks an allowed fixture`).toBeGreaterThan(0);
    expect(f?.denied.length ?? 0, `${name} lacks a denied fixture`).toBeGreaterThan(0);
  });
  it("and no fixture names a rule that does not exist", () => {
    const names = new Set(guardRules.map((r) => r.name));
    expect([...fixtures.keys()].filter((n) => !names.has(n))).toEqual([]);
  });
});

describe("rule metadata", () => {
  it("covers all 39 checklist items", () => {
    const ids = new Set(guardRules.map((r) => r.guard.checklistId));
    expect(CHECKLIST).toHaveLength(39);
    expect(CHECKLIST.filter((id) => !ids.has(id))).toEqual([]);
  });

  it("names are unique, kebab-case and start with the checklist id", () => {
    const names = guardRules.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of guardRules) {
      expect(r.name).toMatch(/^[a-z0-9]+-\d\d-[a-z0-9-]+$/);
      expect(r.name.startsWith(`${r.guard.checklistId.toLowerCase()}-`)).toBe(true);
      expect(r.name).not.toBe("all");
    }
  });

  it.each(guardRules.map((r) => [r.name, r] as const))("%s: level, description, sources, config", (_n, r) => {
    expect(r.enforcementLevel).toBe(r.guard.priority === "P2" ? "advisory" : "mandatory");
    expect(r.description.length).toBeGreaterThan(20);
    expect(r.guard.sources.length).toBeGreaterThan(0);
    expect(r.guard.exceptions.length).toBeGreaterThan(0);
    if (isResourceRule(r)) expect(r.resourceTypes.length).toBeGreaterThan(0);
    const props = r.configSchema?.properties ?? {};
    // The CLI rejects a schema that declares enforcementLevel (pulumi-policy server.ts).
    expect(Object.keys(props)).not.toContain("enforcementLevel");
    for (const [key, schema] of Object.entries(props)) {
      expect(typeof schema === "object" && "default" in schema, `${key} has a default`).toBe(true);
      expect(
        typeof schema === "object" && typeof schema.description === "string",
        `${key} has a description`,
      ).toBe(true);
    }
  });
});

describe("the conventional pack files", () => {
  it("package.json has the pack name and a version (PolicyPack reads package.json from its cwd)", () => {
    const pkg = JSON.parse(file("policies/guard/package.json")) as {
      name: string;
      version: string;
      type: string;
    };
    expect(pkg.name).toBe(GUARD_PACK_NAME);
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(pkg.type).toBe("module");
    expect(GUARD_PACK_NAME).toMatch(/^[a-zA-Z0-9._-]+$/);
  });

  it("PulumiPolicy.yaml declares the nodejs runtime", () => {
    expect(file("policies/guard/PulumiPolicy.yaml")).toMatch(/^runtime: nodejs$/m);
  });
});

describe("docs/guard.md", () => {
  const doc = file("docs/guard.md");
  it("has the generated rule table up to date (npx tsx policies/guard/writeDocs.ts)", () => {
    const table = doc.slice(doc.indexOf(TABLE_START), doc.indexOf(TABLE_END) + TABLE_END.length);
    expect(table).toBe(renderRuleTable(guardRules));
  });
  it("documents the LlmPlatform output contract the stack rules read", () => {
    for (const field of ["decision", "monthlyCostUsd", "override", "deployedPlatform", "budgetUsdPerMonth"]) {
      expect(doc).toContain(field);
    }
  });
});
