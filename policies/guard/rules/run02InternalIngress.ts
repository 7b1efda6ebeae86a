import { resourceName } from "../lib/match.js";
import { str } from "../lib/values.js";
import { resourceRule } from "../rule.js";

const INTERNAL = new Set(["INGRESS_TRAFFIC_INTERNAL_ONLY", "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"]);

/** RUN-02: ingress restricted to internal traffic or an internal load balancer. */
export const run02InternalIngress = resourceRule({
  name: "run-02-internal-ingress",
  description:
    "Cloud Run services accept only internal or load-balancer traffic unless listed as a public API.",
  guard: {
    checklistId: "RUN-02",
    priority: "P0",
    sources: [
      "Cloud Run docs, Restrict network ingress (https://cloud.google.com/run/docs/securing/ingress)",
      "no checkov rule",
    ],
    exceptions:
      "public APIs listed in `publicServices` (service name or logical name); RUN-01 still applies to them",
  },
  config: {
    publicServices: {
      type: "array",
      items: { type: "string" },
      default: [],
      description: "Services that serve a public API (ingress ALL allowed; IAM still required).",
    },
  },
  defaults: { publicServices: [] as string[] },
  types: ["gcp:cloudrunv2/service:Service"],
  check: (props, ctx, report) => {
    const ingress = str(props.ingress) ?? "INGRESS_TRAFFIC_ALL";
    if (INTERNAL.has(ingress)) return;
    const name = resourceName(props, ctx.name);
    if (ctx.config.publicServices.includes(name) || ctx.config.publicServices.includes(ctx.name)) return;
    report(
      `ingress is ${ingress}${props.ingress === undefined ? " (the default)" : ""}: anyone on the internet reaches the run.app URL. ` +
        'Set ingress = "INGRESS_TRAFFIC_INTERNAL_ONLY" or "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER", or list the service in `publicServices`.',
    );
  },
});
