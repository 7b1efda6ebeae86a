import type * as pulumi from "@pulumi/pulumi";
import { awsState } from "./awsState.js";
import { mockFailure, offlineCloud, shortHash } from "./context.js";
import { gcpState } from "./gcpState.js";
import { invokes } from "./invokes.js";
import { kubernetesState } from "./kubernetesState.js";

type Inputs = Record<string, unknown>;

/**
 * The offline cloud: every resource echoes its inputs, plus the outputs its provider would
 * compute (ids, ARNs, endpoints, CA data), so programs that build kubeconfigs or IAM policies
 * from those outputs run end to end.
 */
export function offlineMocks(): pulumi.runtime.Mocks {
  return {
    newResource(args: pulumi.runtime.MockResourceArgs): pulumi.runtime.MockResourceResult {
      const cloud = offlineCloud();
      const inputs = args.inputs as Inputs;
      const computed = awsState[args.type] ?? gcpState[args.type];
      const extra = computed
        ? computed(args.name, inputs, cloud)
        : args.type.startsWith("kubernetes:")
          ? kubernetesState(args.type, args.name, inputs)
          : {};
      const id = args.custom ? args.id || offlineId(args.type, args.name) : undefined;
      return { id, state: { ...inputs, ...extra } };
    },
    call(args: pulumi.runtime.MockCallArgs): pulumi.runtime.MockCallResult {
      const answer = invokes[args.token];
      if (!answer) {
        throw mockFailure(
          `the offline engine has no answer for invoke ${args.token}; add one in engine/mocks/invokes.ts`,
        );
      }
      return answer(args.inputs as Inputs, offlineCloud());
    },
  };
}

/** Ids shaped like the provider's, stable per (type, name). */
function offlineId(type: string, name: string): string {
  const h = shortHash(`${type}/${name}`, 17);
  if (type.startsWith("aws:ec2/vpc:")) return `vpc-${h}`;
  if (type.startsWith("aws:ec2/subnet:")) return `subnet-${h}`;
  if (type.startsWith("aws:ec2/securityGroup:")) return `sg-${h}`;
  if (type.startsWith("aws:ec2/launchTemplate:")) return `lt-${h}`;
  if (type.startsWith("aws:ec2/natGateway:")) return `nat-${h}`;
  if (type.startsWith("aws:ec2/internetGateway:")) return `igw-${h}`;
  if (type.startsWith("aws:ec2/routeTable:")) return `rtb-${h}`;
  if (type.startsWith("aws:ec2/eip:")) return `eipalloc-${h}`;
  return `${name}-${h.slice(0, 8)}`;
}
