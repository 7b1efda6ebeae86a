import { containersOf, gpuCount, LWS_TYPE, podGpus, podTemplates, WORKLOAD_TYPES } from "../lib/pods.js";
import { quantity } from "../lib/quantity.js";
import { at, list, num, rec, str } from "../lib/values.js";
import { resourceRule } from "../rule.js";

/** GPU-02: multi-GPU and multi-node pods get a sized memory-backed /dev/shm. */
export const gpu02SharedMemory = resourceRule({
  name: "gpu-02-shared-memory",
  description:
    "Pods with more than one GPU, or LeaderWorkerSet groups larger than one, mount a memory emptyDir with sizeLimit at /dev/shm that fits in the memory limit.",
  guard: {
    checklistId: "GPU-02",
    priority: "P1",
    sources: [
      "vLLM docs deployment/k8s.md",
      "LWS docs/examples/vllm/GPU/lws.yaml",
      "EKS Batch EksEmptyDir",
      "Kyverno other/add-emptydir-sizelimit",
    ],
    exceptions: "none",
  },
  defaults: {},
  types: WORKLOAD_TYPES,
  check: (props, ctx, report) => {
    const groupSize =
      ctx.type === LWS_TYPE ? (num(at(props, "spec", "leaderWorkerTemplate", "size")) ?? 1) : 1;
    for (const t of podTemplates(ctx.type, props)) {
      if (podGpus(t) <= 1 && !(groupSize > 1 && podGpus(t) > 0)) continue;
      const shm = list(t.spec.volumes)
        .map((v) => rec(v) ?? {})
        .filter((v) => str(at(v, "emptyDir", "medium")) === "Memory");
      for (const c of containersOf(t)) {
        if (gpuCount(c.container) === 0) continue;
        const mount = list(c.container.volumeMounts)
          .map((m) => rec(m) ?? {})
          .find((m) => str(m.mountPath) === "/dev/shm");
        const volume = shm.find((v) => v.name === mount?.name);
        if (!mount || !volume) {
          report(
            `${c.path} has no memory-backed /dev/shm: mount an emptyDir { medium: "Memory", sizeLimit } at /dev/shm (NCCL/tensor parallel).`,
          );
          continue;
        }
        const size = quantity(at(volume, "emptyDir", "sizeLimit"));
        if (size === undefined) {
          report(
            `${t.path}.volumes "${String(volume.name)}" has no sizeLimit: an unbounded memory emptyDir can exhaust the node.`,
          );
          continue;
        }
        const limit = quantity(at(c.container, "resources", "limits", "memory"));
        if (limit !== undefined && limit <= size) {
          report(
            `${c.path} memory limit is not above the /dev/shm sizeLimit, which counts against it: raise limits.memory.`,
          );
        }
      }
    }
  },
});
