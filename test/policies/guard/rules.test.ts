import { describe, expect, it } from "vitest";
import { guardRules } from "../../../policies/guard/rules.js";
import { evaluateGuard } from "../../../policies/guard/runner.js";
import { fixturesByRule } from "./fixtures/index.js";
import { record, urnOf } from "./fixtures/types.js";

const fixtures = fixturesByRule();

// Each rule alone against its fixtures: allowed ones raise nothing, denied ones raise a finding
// that names the rule, the checklist id, the offending resource and what to fix.
describe.each(guardRules.map((rule) => [rule.name, rule] as const))("%s", (_name, rule) => {
  const cases = fixtures.get(rule.name) ?? { allowed: [], denied: [] };

  it.each(cases.allowed.map((f) => [f.title, f] as const))("allows: %s", async (_title, fixture) => {
    const violations = await evaluateGuard(record(fixture.resources), { rules: [rule] });
    expect(violations).toEqual([]);
  });

  it.each(cases.denied.map((f) => [f.title, f] as const))("denies: %s", async (_title, fixture) => {
    const violations = await evaluateGuard(record(fixture.resources), { rules: [rule] });
    const target = fixture.resources.find((r) => r.name === (fixture.target ?? fixture.resources[0]?.name));
    expect(target, "fixture target").toBeDefined();
    const found = violations.filter((v) => v.resource === urnOf(target?.type ?? "", target?.name ?? ""));
    expect(found.length, JSON.stringify(violations, null, 1)).toBeGreaterThan(0);
    for (const v of found) {
      expect(v.policy).toBe(rule.name);
      expect(v.enforcementLevel).toBe(rule.enforcementLevel);
      expect(v.message.startsWith(`[${rule.guard.checklistId}] `)).toBe(true);
    }
    if (fixture.expect !== undefined) {
      expect(found.map((v) => v.message).join("\n")).toMatch(fixture.expect);
    }
  });
});
