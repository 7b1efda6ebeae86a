import { InputError } from "../../common/inputError.js";
import { closest } from "../../common/zodIssues.js";
import { MACHINES } from "./catalog/machines.js";
import { BYTES_PER_PARAM, estimatedKvBytesPerToken, findModel, MODELS } from "./catalog/models.js";
import { SERVERLESS_SHAPES } from "./catalog/serverless.js";
import type { WorkloadProfile } from "./profile.js";
import type { Workload } from "./workload.js";

/** Where a profile came from, for error messages: the file and the path of the profile inside it. */
export interface ProfileSource {
  /** Display path of the file, e.g. `stacks/Pulumi.dev.yaml`. */
  file?: string;
  /** Path of the profile inside the file, e.g. `config.inferplane:workload`. */
  pathPrefix?: string;
}

/** Throws an {@link InputError} for `field` (a path inside the profile) with the problem and its fix. */
export function profileError(where: ProfileSource, field: string, problem: string): never {
  const path = where.pathPrefix ? `${where.pathPrefix}.${field}` : field;
  const head = where.file ? `${where.file}: ` : "";
  throw new InputError(`${head}${path}: ${problem}`, {
    ...(where.file === undefined ? {} : { file: where.file }),
    fieldPath: path,
  });
}

/** Instance and machine names the catalogs know, for pins and price overrides. */
export function knownInstanceNames(): string[] {
  return [...MACHINES.map((m) => m.name), ...SERVERLESS_SHAPES.map((s) => s.name)];
}

/**
 * Resolves a validated profile against the catalogs and checks what zod cannot: unknown models
 * and instance names, and contradictory constraints. Throws {@link InputError} naming the field.
 */
export function resolveWorkload(profile: WorkloadProfile, where: ProfileSource = {}): Workload {
  const { model, traffic, constraints, pricing, override } = profile;
  const catalog = model.name === undefined ? undefined : findModel(model.name);
  if (model.name !== undefined && catalog === undefined && model.paramsB === undefined) {
    const guess = closest(model.name, [...MODELS.map((m) => m.name), ...MODELS.map((m) => m.huggingFace)]);
    profileError(
      where,
      "model.name",
      `unknown model "${model.name}". Fix: ${guess ? `did you mean "${guess}"? Or ` : ""}set model.paramsB for a model outside the catalog (known: ${MODELS.map((m) => m.name).join(", ")})`,
    );
  }
  const paramsB = model.paramsB ?? catalog?.paramsB ?? 0;
  const precision = model.precision ?? catalog?.defaultPrecision ?? "bf16";
  if (catalog && model.contextTokens > catalog.maxContextTokens) {
    profileError(
      where,
      "model.contextTokens",
      `${model.contextTokens} is above ${catalog.name}'s ${catalog.maxContextTokens}-token context. Fix: lower it`,
    );
  }
  const kvBytesPerElement = precision === "fp32" ? 4 : 2;
  const kvBytesPerToken = catalog
    ? 2 * catalog.layers * catalog.kvHeads * catalog.headDim * kvBytesPerElement
    : (estimatedKvBytesPerToken(paramsB) * kvBytesPerElement) / 2;

  const known = knownInstanceNames();
  for (const [i, name] of (constraints.kubernetes.instanceTypes ?? []).entries()) {
    const machine = MACHINES.find((m) => m.name === name);
    if (!machine) {
      const guess = closest(name, known);
      profileError(
        where,
        `constraints.kubernetes.instanceTypes[${i}]`,
        `unknown instance type "${name}". Fix: ${guess ? `did you mean "${guess}"? ` : ""}use a catalog node type (${MACHINES.map((m) => m.name).join(", ")})`,
      );
    }
    if (!constraints.clouds.includes(machine.cloud)) {
      profileError(
        where,
        `constraints.kubernetes.instanceTypes[${i}]`,
        `"${name}" is a ${machine.cloud} type but constraints.clouds is [${constraints.clouds.join(", ")}]. Fix: add ${machine.cloud} to constraints.clouds or pin a type of an allowed cloud`,
      );
    }
  }
  for (const name of Object.keys(pricing.instances ?? {})) {
    if (!known.includes(name)) {
      const guess = closest(name, known);
      profileError(
        where,
        `pricing.instances.${name}`,
        `unknown instance type "${name}". Fix: ${guess ? `did you mean "${guess}"?` : `use a catalog name (${known.join(", ")})`}`,
      );
    }
  }
  if (model.custom && constraints.platforms.every((p) => p === "managed-api")) {
    profileError(
      where,
      "constraints.platforms",
      "only managed-api is allowed, but model.custom is true and managed model APIs serve only their own catalog models. Fix: allow serverless-gpu or kubernetes, or set model.custom to false",
    );
  }
  if (override) {
    if (!constraints.platforms.includes(override.platform)) {
      profileError(
        where,
        "override.platform",
        `${override.platform} is not in constraints.platforms [${constraints.platforms.join(", ")}]. Fix: allow it there or override to an allowed platform`,
      );
    }
    if (override.cloud && !constraints.clouds.includes(override.cloud)) {
      profileError(
        where,
        "override.cloud",
        `${override.cloud} is not in constraints.clouds [${constraints.clouds.join(", ")}]. Fix: allow it there or drop override.cloud`,
      );
    }
  }

  const perRequest = traffic.avgInputTokens + traffic.avgOutputTokens;
  const tokensPerDay = traffic.tokensPerDay ?? (traffic.requestsPerDay ?? 0) * perRequest;
  return {
    profile,
    model: {
      name: catalog?.name ?? model.name ?? `custom-${paramsB}b`,
      inCatalog: catalog !== undefined,
      paramsB,
      precision,
      contextTokens: model.contextTokens,
      custom: model.custom,
      weightsGB: paramsB * BYTES_PER_PARAM[precision],
      kvGBPerToken: kvBytesPerToken / 1e9,
      kvFromConfig: catalog !== undefined,
    },
    traffic: {
      tokensPerDay,
      requestsPerDay: tokensPerDay / perRequest,
      avgInputTokens: traffic.avgInputTokens,
      avgOutputTokens: traffic.avgOutputTokens,
      peakToMean: traffic.peakToMean,
      activeHoursPerDay: traffic.activeHoursPerDay,
    },
    clouds: [...new Set(constraints.clouds)],
  };
}
