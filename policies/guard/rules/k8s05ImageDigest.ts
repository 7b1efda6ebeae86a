import { containersOf, podTemplates, WORKLOAD_TYPES } from "../lib/pods.js";
import { str } from "../lib/values.js";
import { resourceRule } from "../rule.js";

const DIGEST = /@sha256:[a-f0-9]{64}$/;

/** K8S-05: images pinned by digest. */
export const k8s05ImageDigest = resourceRule({
  name: "k8s-05-image-digest",
  description: "Container images are pinned by digest (@sha256:...), never :latest or untagged.",
  guard: {
    checklistId: "K8S-05",
    priority: "P0",
    sources: [
      "checkov CKV_K8S_14, CKV_K8S_43",
      "trivy KSV-0013",
      "kube-linter latest-tag",
      "Polaris tagNotSpecified",
      "Gatekeeper k8simagedigests",
    ],
    exceptions: "none",
  },
  defaults: {},
  types: WORKLOAD_TYPES,
  check: (props, ctx, report) => {
    for (const t of podTemplates(ctx.type, props)) {
      for (const c of containersOf(t)) {
        const image = str(c.container.image) ?? "";
        if (!DIGEST.test(image)) {
          report(
            `${c.path}.image "${image}" is not pinned by digest: use <repository>:<tag>@sha256:<digest>.`,
          );
        }
      }
    }
  },
});
