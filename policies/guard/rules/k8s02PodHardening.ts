import { DEFAULT_EXEMPT_WORKLOADS, exemptWorkloadsSchema } from "../lib/exemptions.js";
import { matchesAny } from "../lib/match.js";
import { containersOf, objectRef, podTemplates, WORKLOAD_TYPES } from "../lib/pods.js";
import { at, isTrue, list, rec, str, strings } from "../lib/values.js";
import { resourceRule } from "../rule.js";

const SECCOMP_OK = new Set(["RuntimeDefault", "Localhost"]);

/** K8S-02: the Pod Security baseline plus the restricted container hardening. */
export const k8s02PodHardening = resourceRule({
  name: "k8s-02-pod-hardening",
  description:
    "Pods use no privileged mode, host namespaces, hostPath or host ports; containers drop ALL capabilities, forbid privilege escalation and run with seccomp RuntimeDefault.",
  guard: {
    checklistId: "K8S-02",
    priority: "P0",
    sources: [
      "Pod Security Standards baseline/restricted",
      "checkov CKV_K8S_16/17/18/19/20/28/31/37",
      "trivy KSV-0001/0003/0008/0009/0010/0017/0023/0030",
      "kube-linter privileged-container, privilege-escalation-container, host-network, host-pid, host-ipc, sensitive-host-mounts",
      "Polaris danger checks",
    ],
    exceptions:
      "workloads in `exemptWorkloads` (namespace/name globs; default the GPU operator and device plugin namespaces)",
  },
  config: exemptWorkloadsSchema,
  defaults: { exemptWorkloads: DEFAULT_EXEMPT_WORKLOADS },
  types: WORKLOAD_TYPES,
  check: (props, ctx, report) => {
    if (matchesAny(objectRef(props, ctx.name), ctx.config.exemptWorkloads)) return;
    for (const t of podTemplates(ctx.type, props)) {
      for (const field of ["hostNetwork", "hostPID", "hostIPC"]) {
        if (isTrue(t.spec[field]))
          report(`${t.path}.${field} = true shares the node's namespaces: remove it.`);
      }
      list(t.spec.volumes).forEach((v, i) => {
        if (rec(rec(v)?.hostPath)) {
          report(`${t.path}.volumes[${i}] mounts a hostPath: use an emptyDir, a PVC or a CSI volume.`);
        }
      });
      const podSeccomp = str(at(t.spec, "securityContext", "seccompProfile", "type"));
      for (const c of containersOf(t)) {
        const sc = rec(c.container.securityContext) ?? {};
        if (isTrue(sc.privileged)) report(`${c.path}.securityContext.privileged = true: remove it.`);
        if (sc.allowPrivilegeEscalation !== false) {
          report(`${c.path}.securityContext.allowPrivilegeEscalation must be false (CKV_K8S_20).`);
        }
        const caps = rec(sc.capabilities) ?? {};
        if (!strings(caps.drop).some((d) => d.toUpperCase() === "ALL")) {
          report(`${c.path}.securityContext.capabilities.drop must include "ALL" (CKV_K8S_28/37).`);
        }
        const added = strings(caps.add).filter((a) => a.toUpperCase() !== "NET_BIND_SERVICE");
        if (added.length > 0) {
          report(
            `${c.path}.securityContext.capabilities.add has ${added.join(", ")}: only NET_BIND_SERVICE is allowed.`,
          );
        }
        const seccomp = str(at(sc, "seccompProfile", "type")) ?? podSeccomp;
        if (!seccomp || !SECCOMP_OK.has(seccomp)) {
          report(
            `${c.path} runs without a seccomp profile (${seccomp ?? "unset"}): set securityContext.seccompProfile.type = "RuntimeDefault" on the pod or container (CKV_K8S_31).`,
          );
        }
        list(c.container.ports).forEach((p, i) => {
          if (at(p, "hostPort") !== undefined)
            report(`${c.path}.ports[${i}].hostPort binds a node port: remove it.`);
        });
      }
    }
  },
});
