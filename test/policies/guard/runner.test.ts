import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as aws from "@pulumi/aws";
import { describe, expect, it } from "vitest";
import { isInputError } from "../../../common/inputError.js";
import { resolveGuardSettings } from "../../../policies/guard/config.js";
import { resourceRule } from "../../../policies/guard/rule.js";
import { guardRules } from "../../../policies/guard/rules.js";
import { evaluateGuard } from "../../../policies/guard/runner.js";
import { runOffline } from "../../harness.js";
import { deployment, namespace, pdb } from "./fixtures/bases.js";
import { mutate, record } from "./fixtures/types.js";

// The engine's marker for a string unknown at preview (@pulumi/pulumi runtime/rpc unknownValue,
// the same sentinel @pulumi/policy's proxy checks for).
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const rule = (name: string) => {
  const found = guardRules.find((r) => r.name === name);
  if (!found) throw new Error(`no rule ${name}`);
  return found;
};

describe("values unknown at preview", () => {
  it("make a mandatory rule report a mandatory finding instead of passing", async () => {
    const unknownImage = mutate(deployment, "spec.template.spec.containers[0].image", UNKNOWN);
    const violations = await evaluateGuard(record([unknownImage]), { rules: [rule("k8s-05-image-digest")] });
    expect(violations).toHaveLength(1);
    expect(violations[0]?.enforcementLevel).toBe("mandatory");
    expect(violations[0]?.message).toMatch(/\[K8S-05\] cannot be verified: .*can't be known during preview/);
  });

  it("are reported for stack rules too", async () => {
    const unknownSelector = mutate(pdb, "spec.selector", UNKNOWN);
    const violations = await evaluateGuard(record([deployment, unknownSelector]), {
      rules: [rule("rel-02-pdb-coverage")],
    });
    expect(violations.map((v) => v.enforcementLevel)).toEqual(["mandatory"]);
    expect(violations[0]?.message).toMatch(/cannot be verified/);
  });

  it("keep an advisory rule advisory", async () => {
    const unknown = mutate(deployment, "spec.template.spec.containers[0].securityContext", UNKNOWN);
    const violations = await evaluateGuard(record([unknown]), { rules: [rule("gpu-04-read-only-root")] });
    expect(violations.map((v) => v.enforcementLevel)).toEqual(["advisory"]);
  });
});

describe("pack configuration", () => {
  const leaky = mutate(pdb, "spec.unhealthyPodEvictionPolicy", undefined);
  const rel01 = rule("rel-01-pdb-allows-disruption");

  it("applies per-rule and `all` enforcement levels, the rule's own winning over `all`", async () => {
    const run = (config: unknown) =>
      evaluateGuard(record([leaky]), { rules: [rel01], settings: resolveGuardSettings([rel01], config) });
    expect((await run({})).map((v) => v.enforcementLevel)).toEqual(["mandatory"]);
    expect((await run({ all: "advisory" })).map((v) => v.enforcementLevel)).toEqual(["advisory"]);
    expect(
      (await run({ all: "advisory", [rel01.name]: "mandatory" })).map((v) => v.enforcementLevel),
    ).toEqual(["mandatory"]);
    expect(await run({ [rel01.name]: { enforcementLevel: "disabled" } })).toEqual([]);
  });

  it("passes properties to the rule, with schema defaults for the rest", async () => {
    const k8s03 = rule("k8s-03-run-as-non-root");
    const other = mutate(
      deployment,
      "spec.template.spec.containers[0].image",
      `ghcr.io/acme/llm@sha256:${"c".repeat(64)}`,
    );
    const settings = resolveGuardSettings([k8s03], {
      [k8s03.name]: { rootGroupImages: ["ghcr.io/acme/llm"] },
    });
    expect(await evaluateGuard(record([other]), { rules: [k8s03] })).not.toEqual([]);
    expect(await evaluateGuard(record([other]), { rules: [k8s03], settings })).toEqual([]);
    expect(settings.get(k8s03.name)?.properties.exemptWorkloads).toEqual([
      "gpu-operator/*",
      "nvidia-gpu-operator/*",
      "nvidia-device-plugin/*",
    ]);
  });

  it.each([
    [
      { "k8s-02-pod-hardening": { exemptWorkloads: ["no-slash"] } },
      /k8s-02-pod-hardening\.exemptWorkloads\[0\]: must match pattern/,
    ],
    [
      { "gpu-03-model-server-probes": { modelLoadSeconds: "ten" } },
      /gpu-03-model-server-probes\.modelLoadSeconds: must be integer/,
    ],
    [
      { "gke-06-shielded-nodes": { secureBootExempt: [] } },
      /gke-06-shielded-nodes\.secureBootExempt: unknown field/,
    ],
    [
      { "k8s-05-image-digest": { enforcementLevel: "strict" } },
      /k8s-05-image-digest\.enforcementLevel: "strict" is not an enforcement level/,
    ],
    [
      { "k8s-05-image-digst": "advisory" },
      /k8s-05-image-digst: unknown rule; did you mean "k8s-05-image-digest"\?/,
    ],
    [["mandatory"], /must be a JSON object/],
  ])("rejects %j naming the rule and field", (config, message) => {
    let error: unknown;
    try {
      resolveGuardSettings(guardRules, config, "guard.json");
    } catch (e) {
      error = e;
    }
    expect(isInputError(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/^guard\.json: /);
  });
});

describe("runner semantics", () => {
  it("skips stack rules that are not applicable (no LlmPlatform)", async () => {
    const rules = [rule("plat-01-platform-matches-decision"), rule("plat-02-cost-within-budget")];
    expect(await evaluateGuard(record([namespace]), { rules })).toEqual([]);
  });

  it("fails closed when a rule throws", async () => {
    const broken = resourceRule({
      name: "test-99-broken",
      description: "throws",
      guard: { checklistId: "TEST-99", priority: "P0", sources: ["test"], exceptions: "none" },
      defaults: {},
      types: ["kubernetes:core/v1:Namespace"],
      check: () => {
        throw new Error("boom");
      },
    });
    const violations = await evaluateGuard(record([namespace]), { rules: [broken] });
    expect(violations).toEqual([
      expect.objectContaining({
        policy: "test-99-broken",
        enforcementLevel: "mandatory",
        message: expect.stringMatching(/boom/),
      }),
    ]);
  });

  it("the pack entry point serves exactly the runner's rule list", () => {
    // Importing index.ts would start the analyzer's gRPC server, so read it instead.
    const source = readFileSync(
      fileURLToPath(new URL("../../../policies/guard/index.ts", import.meta.url)),
      "utf8",
    );
    expect(source).toMatch(/import \{ guardRules \} from "\.\/rules\.js";/);
    expect(source).toMatch(/policies: \[\.\.\.guardRules\]/);
    expect(source.match(/new PolicyPack\(/g)).toHaveLength(1);
  });

  it("resolves resource references passed as inputs (role: nodeRole) to what the provider gets", async () => {
    const run = await runOffline({
      program: () => {
        const node = new aws.iam.Role("node", {
          assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
              { Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "ec2.amazonaws.com" } },
            ],
          }),
        });
        new aws.iam.RolePolicyAttachment("by-ref", {
          role: node,
          policyArn: "arn:aws:iam::aws:policy/AmazonS3FullAccess",
        });
        new aws.iam.RolePolicyAttachment("by-name", {
          role: node.name,
          policyArn: "arn:aws:iam::aws:policy/AdministratorAccess",
        });
        new aws.iam.RolePolicyAttachment("ok", {
          role: node,
          policyArn: "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
        });
      },
    });
    const violations = await evaluateGuard(run.resources, { rules: [rule("eks-04-workload-identity")] });
    expect(violations.map((v) => v.resource.split("::").pop()).sort()).toEqual(["by-name", "by-ref"]);
  });
});
