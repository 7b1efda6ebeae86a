import { describe, expect, it } from "vitest";
import { InputError } from "../../../common/inputError.js";
import { decidePlacement } from "../../../policies/placement/decide.js";
import { WorkloadProfileSchema } from "../../../policies/placement/profile.js";

const base = { model: { name: "llama-3.1-8b-instruct" }, traffic: { tokensPerDay: 5e7 } };
const where = { file: "w.yaml" };

function errorOf(input: unknown): InputError {
  try {
    decidePlacement(input, where);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError");
}

describe("workload profile", () => {
  it("fills the documented defaults", () => {
    const p = WorkloadProfileSchema.parse(base);
    expect(p.traffic).toMatchObject({
      avgInputTokens: 1155,
      avgOutputTokens: 211,
      peakToMean: 3,
      activeHoursPerDay: 24,
    });
    expect(p.slo).toEqual({ ttftP95Ms: 2000, availability: 0.99 });
    expect(p.team).toEqual({ opsFte: 0.25, fteUsdPerYear: 150_000 });
    expect(p.constraints).toMatchObject({
      clouds: ["gcp", "aws"],
      regions: { gcp: "us-central1", aws: "us-east-1" },
      spot: false,
      kubernetes: { minReplicas: 1, maxReplicas: 64 },
    });
    expect(p.pricing.overheadFactor).toBe(1.25);
    expect(p.model).toMatchObject({ contextTokens: 8192, custom: false });
  });

  it("rejects a zero or negative volume with the field path and a fix", () => {
    const e = errorOf({ ...base, traffic: { tokensPerDay: -5 } });
    expect(e.message).toBe("w.yaml: traffic.tokensPerDay: must be > 0. Fix: e.g. 50000000");
    expect(e.fieldPath).toBe("traffic.tokensPerDay");
    expect(errorOf({ ...base, traffic: { requestsPerDay: 0 } }).message).toMatch(
      /traffic\.requestsPerDay: must be > 0/,
    );
  });

  it("rejects an unknown precision, listing the allowed ones", () => {
    expect(errorOf({ ...base, model: { name: "llama-3.1-8b-instruct", precision: "fp12" } }).message).toBe(
      "w.yaml: model.precision: unknown precision. Fix: use one of fp32, bf16, fp16, fp8, int8, int4",
    );
  });

  it("suggests the closest key for a mistyped one", () => {
    expect(errorOf({ ...base, trafic: {} }).message).toMatch(
      /w\.yaml: trafic: unknown key "trafic"\. Fix: did you mean "traffic"\?/,
    );
    expect(errorOf({ ...base, slo: { ttftP95: 100 } }).message).toMatch(
      /slo\.ttftP95: unknown key .* did you mean "ttftP95Ms"/,
    );
  });

  it("suggests the closest catalog model for an unknown name", () => {
    const e = errorOf({ ...base, model: { name: "llama-3.1-8b-instrct" } });
    expect(e.message).toMatch(
      /^w\.yaml: model\.name: unknown model "llama-3\.1-8b-instrct"\. Fix: did you mean "llama-3\.1-8b-instruct"\?/,
    );
    expect(e.fieldPath).toBe("model.name");
  });

  it("accepts a model outside the catalog by size, and a Hugging Face id as a name", () => {
    expect(
      decidePlacement({ ...base, model: { name: "acme/secret-13b", paramsB: 13 } }).workload.paramsB,
    ).toBe(13);
    expect(
      decidePlacement({ ...base, model: { name: "meta-llama/Llama-3.1-8B-Instruct" } }).workload.model,
    ).toBe("llama-3.1-8b-instruct");
  });

  it("asks for exactly one of tokensPerDay and requestsPerDay", () => {
    expect(errorOf({ ...base, traffic: { tokensPerDay: 1, requestsPerDay: 1 } }).message).toMatch(
      /traffic: give exactly one volume/,
    );
    expect(errorOf({ ...base, traffic: {} }).message).toMatch(/traffic: give exactly one volume/);
  });

  it("rejects contradictory constraints: a custom model on managed APIs only", () => {
    const e = errorOf({
      ...base,
      model: { name: "llama-3.1-8b-instruct", custom: true },
      constraints: { platforms: ["managed-api"] },
    });
    expect(e.message).toMatch(
      /^w\.yaml: constraints\.platforms: only managed-api is allowed, but model\.custom is true.*Fix:/,
    );
  });

  it("rejects an override outside the allowed platforms", () => {
    const e = errorOf({
      ...base,
      constraints: { platforms: ["managed-api"] },
      override: { platform: "kubernetes", reason: "x" },
    });
    expect(e.fieldPath).toBe("override.platform");
  });

  it("rejects a pinned instance type it does not know, with a suggestion", () => {
    const e = errorOf({ ...base, constraints: { kubernetes: { instanceTypes: ["g5.12xlage"] } } });
    expect(e.message).toMatch(
      /constraints\.kubernetes\.instanceTypes\[0\]: unknown instance type "g5\.12xlage"\. Fix: did you mean "g5\.12xlarge"\?/,
    );
  });

  it("names the model when no allowed GPU holds it", () => {
    const e = errorOf({
      model: { paramsB: 70, precision: "bf16", custom: true },
      traffic: { tokensPerDay: 1e7 },
      constraints: { clouds: ["gcp"], platforms: ["serverless-gpu"] },
    });
    expect(e.fieldPath).toBe("model");
    expect(e.message).toMatch(/no option is feasible/);
    expect(e.message).toMatch(/one GPU per instance/);
    expect(e.message).toMatch(/Fix: use a lower model\.precision/);
  });

  it("names the SLO when no feasible option meets it", () => {
    const e = errorOf({ ...base, slo: { ttftP95Ms: 10 } });
    expect(e.fieldPath).toBe("slo.ttftP95Ms");
    expect(e.message).toMatch(/Fix: raise slo\.ttftP95Ms to at least \d+/);
  });

  it("names the budget when every option that meets the SLO is over it", () => {
    const e = errorOf({ ...base, constraints: { budgetUsdPerMonth: 1 } });
    expect(e.fieldPath).toBe("constraints.budgetUsdPerMonth");
    expect(e.message).toMatch(/over the \$1 budget/);
  });

  it("prefixes paths for a profile inside a stack file", () => {
    try {
      decidePlacement(
        { ...base, traffic: { tokensPerDay: 0 } },
        { file: "stacks/Pulumi.dev.yaml", pathPrefix: "config.inferplane:workload" },
      );
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).message).toMatch(
        /^stacks\/Pulumi\.dev\.yaml: config\.inferplane:workload\.traffic\.tokensPerDay: must be > 0/,
      );
    }
  });
});
