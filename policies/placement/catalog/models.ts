import type { Source } from "./source.js";

/** Weight precisions a profile may ask for. */
export const PRECISIONS = ["fp32", "bf16", "fp16", "fp8", "int8", "int4"] as const;
/** A weight precision. */
export type Precision = (typeof PRECISIONS)[number];

/** Bytes per parameter at each precision. */
export const BYTES_PER_PARAM: Readonly<Record<Precision, number>> = {
  fp32: 4,
  bf16: 2,
  fp16: 2,
  fp8: 1,
  int8: 1,
  int4: 0.5,
};

/** A model the catalog knows: size, attention shape (for the KV cache) and its default precision. */
export interface CatalogModel extends Source {
  name: string;
  /** Hugging Face repository id, accepted as an alias of `name`. */
  huggingFace: string;
  paramsB: number;
  defaultPrecision: Precision;
  layers: number;
  kvHeads: number;
  headDim: number;
  maxContextTokens: number;
}

const LLAMA_31 = { layers: 32, kvHeads: 8, headDim: 128, maxContextTokens: 131072 };

/**
 * The model catalog. Parameter counts and attention shapes are the models' published
 * `config.json` on Hugging Face; which managed APIs serve them is in `managedApis.ts`.
 */
export const MODELS: readonly CatalogModel[] = [
  {
    name: "llama-3.1-8b-instruct",
    huggingFace: "meta-llama/Llama-3.1-8B-Instruct",
    paramsB: 8.03,
    defaultPrecision: "bf16",
    ...LLAMA_31,
    source: "huggingface.co/meta-llama/Llama-3.1-8B-Instruct config.json",
    date: "2024-07-23",
    status: "verified",
  },
  {
    name: "llama-3.1-70b-instruct",
    huggingFace: "meta-llama/Llama-3.1-70B-Instruct",
    paramsB: 70.6,
    defaultPrecision: "bf16",
    ...LLAMA_31,
    layers: 80,
    source: "huggingface.co/meta-llama/Llama-3.1-70B-Instruct config.json",
    date: "2024-07-23",
    status: "verified",
  },
  {
    name: "llama-3.3-70b-instruct",
    huggingFace: "meta-llama/Llama-3.3-70B-Instruct",
    paramsB: 70.6,
    defaultPrecision: "bf16",
    ...LLAMA_31,
    layers: 80,
    source: "huggingface.co/meta-llama/Llama-3.3-70B-Instruct config.json",
    date: "2024-12-06",
    status: "verified",
  },
  {
    name: "llama-3.1-405b-instruct",
    huggingFace: "meta-llama/Llama-3.1-405B-Instruct",
    paramsB: 405.9,
    defaultPrecision: "bf16",
    ...LLAMA_31,
    layers: 126,
    source: "huggingface.co/meta-llama/Llama-3.1-405B-Instruct config.json",
    date: "2024-07-23",
    status: "verified",
  },
  {
    name: "qwen2.5-7b-instruct",
    huggingFace: "Qwen/Qwen2.5-7B-Instruct",
    paramsB: 7.62,
    defaultPrecision: "bf16",
    layers: 28,
    kvHeads: 4,
    headDim: 128,
    maxContextTokens: 131072,
    source: "huggingface.co/Qwen/Qwen2.5-7B-Instruct config.json",
    date: "2024-09-19",
    status: "verified",
  },
];

/** Finds a catalog model by name or Hugging Face id, ignoring case. */
export function findModel(name: string): CatalogModel | undefined {
  const key = name.toLowerCase();
  return MODELS.find((m) => m.name === key || m.huggingFace.toLowerCase() === key);
}

/**
 * KV-cache bytes per token for a model outside the catalog, from its size: a power law fitted to
 * the grouped-query-attention Llama 3.1 configs (8B: 128 KiB, 70B: 320 KiB, 405B: 504 KiB at
 * 16-bit), `0.055 MB x paramsB^0.4`. An estimate; name a catalog model for exact figures.
 */
export function estimatedKvBytesPerToken(paramsB: number): number {
  return 0.055e6 * paramsB ** 0.4;
}
