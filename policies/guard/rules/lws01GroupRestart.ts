import { LWS_TYPE } from "../lib/pods.js";
import { at, num, rec, str } from "../lib/values.js";
import { resourceRule } from "../rule.js";

const GROUP_RESTART = new Set(["RecreateGroupOnPodRestart", "RecreateGroupAfterStart"]);
const EXCLUSIVE = "leaderworkerset.sigs.k8s.io/exclusive-topology";

/** LWS-01: multi-node groups restart together and own their topology domain. */
export const lws01GroupRestart = resourceRule({
  name: "lws-01-group-restart-and-placement",
  description:
    "LeaderWorkerSets with size > 1 recreate the whole group on failure and place each group exclusively in one topology domain.",
  guard: {
    checklistId: "LWS-01",
    priority: "P1",
    sources: [
      "LWS api/leaderworkerset/v1/leaderworkerset_types.go",
      "LWS failure-handling docs",
      "LWS exclusive-placement sample",
    ],
    exceptions: "none",
  },
  defaults: {},
  types: [LWS_TYPE],
  check: (props, _ctx, report) => {
    const lwt = rec(at(props, "spec", "leaderWorkerTemplate")) ?? {};
    if ((num(lwt.size) ?? 1) <= 1) return;
    // Unset means RecreateGroupOnPodRestart (the API default).
    const policy = str(lwt.restartPolicy) ?? "RecreateGroupOnPodRestart";
    if (!GROUP_RESTART.has(policy)) {
      report(
        `spec.leaderWorkerTemplate.restartPolicy is ${policy}: a restarted worker leaves the group's collective hung; use RecreateGroupOnPodRestart or RecreateGroupAfterStart.`,
      );
    }
    if (!str(at(props, "metadata", "annotations", EXCLUSIVE))) {
      report(
        `metadata.annotations["${EXCLUSIVE}"] is missing: pin each group to one node pool or zone (e.g. cloud.google.com/gke-nodepool).`,
      );
    }
  },
});
