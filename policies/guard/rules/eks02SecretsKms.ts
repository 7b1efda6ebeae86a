import { at, list, rec, str, strings } from "../lib/values.js";
import { resourceRule } from "../rule.js";

/** EKS-02: envelope encryption of Secrets with a KMS key. */
export const eks02SecretsKms = resourceRule({
  name: "eks-02-secrets-encryption",
  description: "EKS clusters encrypt Kubernetes Secrets with a KMS key.",
  guard: {
    checklistId: "EKS-02",
    priority: "P0",
    sources: [
      "CIS EKS 5.3.1",
      "checkov CKV_AWS_58",
      "trivy AVD-AWS-0039",
      "compliance-policies enableClusterEncryptionConfig",
    ],
    exceptions: "none",
  },
  defaults: {},
  types: ["aws:eks/cluster:Cluster"],
  check: (props, _ctx, report) => {
    // One object in @pulumi/aws 7; older programs pass a one-element list.
    const configs = Array.isArray(props.encryptionConfig)
      ? list(props.encryptionConfig)
      : [props.encryptionConfig];
    const ok = configs.some(
      (c) =>
        strings(rec(c)?.resources).includes("secrets") && (str(at(c, "provider", "keyArn")) ?? "") !== "",
    );
    if (!ok) {
      report(
        'Secrets are not encrypted with KMS: set encryptionConfig = { resources: ["secrets"], provider: { keyArn: <KMS key ARN> } } (CIS EKS 5.3.1).',
      );
    }
  },
});
