import { parseAllDocuments } from "yaml";
import { mockFailure, type OfflineCloud, shortHash } from "./context.js";

type Inputs = Record<string, unknown>;
type InvokeFn = (inputs: Inputs, cloud: OfflineCloud) => Inputs;

const zoneLetters = ["a", "b", "c", "d", "f"];

/**
 * Offline answers to the data-source calls (invokes) our programs make. An invoke without an
 * entry here fails with a message naming the token, never with a silent empty result.
 */
export const invokes: Record<string, InvokeFn> = {
  "aws:index/getAvailabilityZones:getAvailabilityZones": (_inputs, cloud) => {
    const names = zoneLetters.slice(0, 3).map((l) => `${cloud.awsRegion}${l}`);
    return {
      id: cloud.awsRegion,
      names,
      zoneIds: names.map((_, i) => `use1-az${i + 1}`),
      groupNames: [cloud.awsRegion],
    };
  },
  "aws:index/getCallerIdentity:getCallerIdentity": (_inputs, cloud) => ({
    id: cloud.awsAccountId,
    accountId: cloud.awsAccountId,
    arn: `arn:aws:iam::${cloud.awsAccountId}:user/inferplane-offline`,
    userId: "AIDAOFFLINEINFERPLANE",
  }),
  "aws:index/getRegion:getRegion": (_inputs, cloud) => ({
    id: cloud.awsRegion,
    name: cloud.awsRegion,
    region: cloud.awsRegion,
    endpoint: `ec2.${cloud.awsRegion}.amazonaws.com`,
    description: cloud.awsRegion,
  }),
  "aws:index/getPartition:getPartition": () => ({
    id: "aws",
    partition: "aws",
    dnsSuffix: "amazonaws.com",
    reverseDnsPrefix: "com.amazonaws",
  }),
  "aws:ssm/getParameter:getParameter": (inputs) => ({
    id: inputs.name,
    name: inputs.name,
    type: "String",
    value: `ami-${shortHash(String(inputs.name), 17)}`,
    version: 1,
  }),
  "aws:iam/getPolicyDocument:getPolicyDocument": (inputs) => {
    const json = JSON.stringify(policyDocument(inputs), null, 2);
    return { id: shortHash(json), json, minifiedJson: JSON.stringify(JSON.parse(json)) };
  },
  "gcp:organizations/getProject:getProject": (inputs, cloud) => ({
    id: `projects/${String(inputs.projectId ?? cloud.gcpProject)}`,
    projectId: inputs.projectId ?? cloud.gcpProject,
    number: cloud.gcpProjectNumber,
    name: inputs.projectId ?? cloud.gcpProject,
  }),
  "gcp:organizations/getClientConfig:getClientConfig": (_inputs, cloud) => ({
    id: "offline",
    project: cloud.gcpProject,
    region: cloud.gcpRegion,
    zone: `${cloud.gcpRegion}-a`,
    accessToken: "offline-access-token",
  }),
  "gcp:compute/getZones:getZones": (inputs, cloud) => {
    const region = String(inputs.region ?? cloud.gcpRegion);
    return {
      id: region,
      project: cloud.gcpProject,
      region,
      names: zoneLetters.slice(0, 4).map((l) => `${region}-${l}`),
    };
  },
  "gcp:container/getEngineVersions:getEngineVersions": (inputs, cloud) => ({
    id: String(inputs.location ?? cloud.gcpRegion),
    defaultClusterVersion: "1.33.5-gke.1000000",
    latestMasterVersion: "1.34.1-gke.1000000",
    latestNodeVersion: "1.34.1-gke.1000000",
    releaseChannelDefaultVersion: {
      RAPID: "1.34.1-gke.1000000",
      REGULAR: "1.33.5-gke.1000000",
      STABLE: "1.32.9-gke.1000000",
    },
    releaseChannelLatestVersion: {
      RAPID: "1.34.1-gke.1000000",
      REGULAR: "1.33.5-gke.1000000",
      STABLE: "1.32.9-gke.1000000",
    },
  }),
  "kubernetes:yaml:decode": (inputs) => ({ result: decodeYaml(String(inputs.text ?? "")) }),
  "kubernetes:helm:template": () => {
    throw mockFailure(
      "kubernetes:helm:template needs the helm binary, which the offline engine does not run. " +
        "Use helm.v4.Chart or helm.v3.Release (validated as opaque releases) or render the chart to YAML and use ConfigGroup.",
    );
  },
};

/** `kubernetes:yaml:decode` as the provider does it: every non-empty document of a YAML stream. */
function decodeYaml(text: string): unknown[] {
  const docs = parseAllDocuments(text);
  const out: unknown[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0)
      throw mockFailure(`kubernetes:yaml:decode: ${doc.errors[0]?.message ?? "invalid YAML"}`);
    const value = doc.toJS() as unknown;
    if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}

interface PolicyStatementInput {
  sid?: string;
  effect?: string;
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  notResources?: string[];
  principals?: { type: string; identifiers: string[] }[];
  conditions?: { test: string; variable: string; values: string[] }[];
}

/** The IAM JSON document `aws.iam.getPolicyDocument` would build from its statements. */
function policyDocument(inputs: Inputs): Inputs {
  const statements = (inputs.statements ?? []) as PolicyStatementInput[];
  const one = (values: string[]) => (values.length === 1 ? values[0] : values);
  return {
    Version: inputs.version ?? "2012-10-17",
    Statement: statements.map((s) => {
      const out: Inputs = {};
      if (s.sid) out.Sid = s.sid;
      out.Effect = s.effect ?? "Allow";
      if (s.actions) out.Action = one(s.actions);
      if (s.notActions) out.NotAction = one(s.notActions);
      if (s.resources) out.Resource = one(s.resources);
      if (s.notResources) out.NotResource = one(s.notResources);
      if (s.principals) {
        const principal: Inputs = {};
        for (const p of s.principals) principal[p.type] = one(p.identifiers);
        out.Principal = principal;
      }
      if (s.conditions) {
        const condition: Record<string, Inputs> = {};
        for (const c of s.conditions) {
          condition[c.test] = { ...condition[c.test], [c.variable]: one(c.values) };
        }
        out.Condition = condition;
      }
      return out;
    }),
  };
}
