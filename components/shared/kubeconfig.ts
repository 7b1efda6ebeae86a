import * as pulumi from "@pulumi/pulumi";

/** How kubectl (and the Kubernetes provider) gets a token: an exec credential plugin. */
export interface ExecAuth {
  /** The plugin binary, e.g. `gke-gcloud-auth-plugin` or `aws`. */
  command: string;
  /** Its arguments; Outputs allowed (cluster name, region). */
  args: pulumi.Input<string>[];
  /** Printed by kubectl when the binary is missing. */
  installHint: string;
  /** Pass the cluster's server and CA to the plugin in KUBERNETES_EXEC_INFO (GKE's plugin wants it). */
  provideClusterInfo: boolean;
}

/** What a kubeconfig needs to reach one cluster. */
export interface KubeconfigInputs {
  /** Name used for the cluster, user and context entries. */
  contextName: pulumi.Input<string>;
  /** API server URL, with scheme. */
  server: pulumi.Input<string>;
  /** Base64 PEM of the cluster CA, as the clouds return it. */
  certificateAuthorityData: pulumi.Input<string>;
  exec: ExecAuth;
}

/**
 * A kubeconfig (JSON, which is valid YAML) that authenticates through an exec plugin: no static
 * token or client certificate is ever written, so the kubeconfig is not a secret and every use
 * asks the cloud's IAM for a short-lived token. Shape per
 * https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins
 */
export function execKubeconfig(inputs: KubeconfigInputs): pulumi.Output<string> {
  return pulumi
    .all([inputs.contextName, inputs.server, inputs.certificateAuthorityData, pulumi.all(inputs.exec.args)])
    .apply(([name, server, ca, args]) =>
      JSON.stringify({
        apiVersion: "v1",
        kind: "Config",
        clusters: [{ name, cluster: { server, "certificate-authority-data": ca } }],
        users: [
          {
            name,
            user: {
              exec: {
                apiVersion: "client.authentication.k8s.io/v1beta1",
                command: inputs.exec.command,
                args,
                installHint: inputs.exec.installHint,
                provideClusterInfo: inputs.exec.provideClusterInfo,
                interactiveMode: "Never",
              },
            },
          },
        ],
        contexts: [{ name, context: { cluster: name, user: name } }],
        "current-context": name,
        preferences: {},
      }),
    );
}
