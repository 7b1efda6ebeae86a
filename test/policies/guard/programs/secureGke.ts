// A GKE GPU stack that meets every guard rule: the baseline the insecure variants break.
import * as gcp from "@pulumi/gcp";
import * as k8s from "@pulumi/kubernetes";
import { gpuCluster, gpuPools, servingObjects } from "./parts.js";

const cluster = new gcp.container.Cluster("gpu", gpuCluster());
for (const [name, args] of Object.entries(gpuPools(cluster.name))) new gcp.container.NodePool(name, args);
const provider = new k8s.Provider("gke", { kubeconfig: "{}" });
servingObjects(provider, {});
