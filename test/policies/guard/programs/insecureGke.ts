// The secure stack with two careless changes: a public control plane and an image by tag.
import * as gcp from "@pulumi/gcp";
import * as k8s from "@pulumi/kubernetes";
import { gpuCluster, gpuPools, servingObjects } from "./parts.js";

const cluster = new gcp.container.Cluster("gpu", {
  ...gpuCluster(),
  privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: false },
});
for (const [name, args] of Object.entries(gpuPools(cluster.name))) new gcp.container.NodePool(name, args);
const provider = new k8s.Provider("gke", { kubeconfig: "{}" });
servingObjects(provider, { image: "vllm/vllm-openai:latest" });
