import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { InputError } from "../../common/inputError.js";

/**
 * The Kubernetes provider a component's children use: the one passed in args, else one from
 * `opts.provider` / `opts.providers` / the parent chain. Components never fall back to the
 * ambient kubeconfig: a missing provider is an input error, because silently deploying GPU
 * workloads into whatever cluster the current context points at is the worst failure mode.
 */
export function requireKubernetesProvider(
  component: pulumi.ComponentResource,
  className: string,
  name: string,
  fromArgs: k8s.Provider | undefined,
): pulumi.ProviderResource {
  const provider = fromArgs ?? component.getProvider("kubernetes:core/v1:Namespace");
  if (provider !== undefined) return provider;
  throw new InputError(
    `${className} "${name}": no Kubernetes provider. Fix: pass args.provider (a k8s.Provider built from the ` +
      "cluster's kubeconfig) or opts.providers; components never use the ambient kubeconfig.",
    { fieldPath: "args.provider" },
  );
}
