import { DEFAULT_EXEMPT_WORKLOADS, exemptWorkloadsSchema } from "../lib/exemptions.js";
import { matchesAny } from "../lib/match.js";
import { containersOf, imagesOf, objectRef, podTemplates, WORKLOAD_TYPES } from "../lib/pods.js";
import { at, num, rec } from "../lib/values.js";
import { resourceRule } from "../rule.js";

/** Image repositories documented to run as a non-root user in group 0 (vLLM docs, deployment/docker.md). */
const ROOT_GROUP_IMAGES = ["vllm/vllm-openai", "docker.io/vllm/vllm-openai", "vllm/vllm-openai-nonroot"];

/** The repository part of an image reference (no tag, no digest). */
export function repository(image: string): string {
  const noDigest = image.split("@")[0] ?? image;
  const slash = noDigest.lastIndexOf("/");
  const colon = noDigest.lastIndexOf(":");
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

/** K8S-03: non-root containers; root group only for the vLLM image family. */
export const k8s03NonRoot = resourceRule({
  name: "k8s-03-run-as-non-root",
  description:
    "Containers run with runAsNonRoot and a non-zero UID; group 0 (runAsGroup/fsGroup) only for images documented to need it (vLLM).",
  guard: {
    checklistId: "K8S-03",
    priority: "P1",
    sources: [
      "Pod Security Standards restricted",
      "vLLM docs deployment/docker.md",
      "kube-linter run-as-non-root",
      "trivy KSV-0012/0105/0116",
      "checkov CKV_K8S_23/40",
    ],
    exceptions:
      "group 0 for images in `rootGroupImages` (default vllm/vllm-openai); workloads in `exemptWorkloads`",
  },
  config: {
    ...exemptWorkloadsSchema,
    rootGroupImages: {
      type: "array",
      items: { type: "string" },
      default: ROOT_GROUP_IMAGES,
      description: "Image repositories allowed to run with group 0.",
    },
  },
  defaults: { exemptWorkloads: DEFAULT_EXEMPT_WORKLOADS, rootGroupImages: ROOT_GROUP_IMAGES },
  types: WORKLOAD_TYPES,
  check: (props, ctx, report) => {
    if (matchesAny(objectRef(props, ctx.name), ctx.config.exemptWorkloads)) return;
    for (const t of podTemplates(ctx.type, props)) {
      const pod = rec(t.spec.securityContext) ?? {};
      for (const c of containersOf(t)) {
        const sc = rec(c.container.securityContext) ?? {};
        const nonRoot = sc.runAsNonRoot ?? pod.runAsNonRoot;
        if (nonRoot !== true) {
          report(
            `${c.path} may run as root: set runAsNonRoot = true on the pod or container securityContext.`,
          );
        }
        const uid = num(sc.runAsUser ?? pod.runAsUser);
        if (uid === 0) report(`${c.path} runs as UID 0: use a non-zero runAsUser.`);
      }
      const rootGroup =
        num(pod.fsGroup) === 0 ||
        [pod, ...containersOf(t).map((c) => rec(c.container.securityContext) ?? {})].some(
          (sc) => num(at(sc, "runAsGroup")) === 0,
        );
      if (rootGroup) {
        const others = imagesOf(t).filter((i) => !ctx.config.rootGroupImages.includes(repository(i)));
        if (others.length > 0) {
          report(
            `${t.path} runs with group 0 (runAsGroup/fsGroup) but ${others.join(", ")} is not documented to need it: use a non-zero group, or add the repository to \`rootGroupImages\`.`,
          );
        }
      }
    }
  },
});
