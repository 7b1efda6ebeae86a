import { Command, CommanderError } from "commander";
import { isInputError } from "../common/inputError.js";

// Commands are imported when they run: `preview` loads the Pulumi SDKs (~1 s), which `plan` and
// `simulate` must not pay for.

/** Exit codes CI scripts rely on. */
export const EXIT = { ok: 0, findings: 1, badInput: 2, internal: 3 } as const;

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * Runs the `inferplane` command line and returns its exit code: 0 clean, 1 findings (validation
 * errors, mandatory policy violations), 2 bad input (one message, no stack trace), 3 a bug in
 * inferplane itself (set `INFERPLANE_DEBUG=1` for the stack trace).
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command()
    .name("inferplane")
    .description("Place and provision LLM inference: Kubernetes GPU clusters or serverless endpoints.")
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  program
    .command("preview")
    .description("Run a Pulumi program offline: resources, Kubernetes schema validation and policy verdict.")
    .option("--stack <name>", "stack whose stacks/Pulumi.<name>.yaml config to use")
    .option("--program <file>", "program to run instead of the project's (Pulumi.yaml main)")
    .option("--json", "print the JSON report instead of the summary")
    .option("--policy-config <file>", "guard pack configuration (JSON, as for pulumi --policy-pack-config)")
    .action(async (opts: { stack?: string; program?: string; json?: boolean; policyConfig?: string }) => {
      const { preview } = await import("./commands/preview.js");
      const { renderPreview } = await import("./render/previewText.js");
      const report = await preview({
        ...(opts.stack === undefined ? {} : { stack: opts.stack }),
        ...(opts.program === undefined ? {} : { program: opts.program }),
        ...(opts.policyConfig === undefined ? {} : { policyConfig: opts.policyConfig }),
      });
      io.out(opts.json ? `${JSON.stringify(report, null, 2)}\n` : renderPreview(report));
      code = report.exitCode;
    });

  program
    .command("plan")
    .description(
      "Decide where a workload runs: every option's cost and latency, the decision, its reasons and the break-even.",
    )
    .option("--stack <name>", "stack whose inferplane:workload profile in stacks/Pulumi.<name>.yaml to plan")
    .option("--workload <file>", "workload profile YAML file to plan")
    .option("--json", "print the JSON decision instead of the report")
    .option("--chart <file>", "write an SVG chart of monthly cost against tokens per day")
    .action(async (opts: { stack?: string; workload?: string; json?: boolean; chart?: string }) => {
      const { plan } = await import("./commands/plan.js");
      const { renderPlan } = await import("./render/planText.js");
      const result = await plan({
        ...(opts.stack === undefined ? {} : { stack: opts.stack }),
        ...(opts.workload === undefined ? {} : { workload: opts.workload }),
        ...(opts.chart === undefined ? {} : { chart: opts.chart }),
      });
      io.out(
        opts.json
          ? `${JSON.stringify(result.decision, null, 2)}\n`
          : renderPlan(result.decision, result.chartFile),
      );
      code = EXIT.ok;
    });

  program
    .command("simulate")
    .description("Replay a request trace against every placement option: cost, latency, cold starts, SLO.")
    .option(
      "--workload <file>",
      "workload profile YAML file (its traffic is derived from the trace when it gives no volume)",
    )
    .option("--trace <file>", "request trace (default: the profile's traffic.trace.path)")
    .option("--format <format>", "trace format: azure, mooncake, servegen or csv (default: guessed)")
    .option("--json", "print the JSON report instead of the table")
    .option("--chart <file>", "write an SVG chart of load and capacity over time")
    .option(
      "--seed <n>",
      "seed for ServeGen arrivals, length draws, rate scaling and Spot interruptions",
      "1",
    )
    .option("--scale <x>", "multiply the request rate by x over the same span")
    .option("--repeat <n>", "replay the trace n times back to back")
    .option("--start <s>", "replay from this second of the trace")
    .option("--duration <s>", "replay only this many seconds")
    .option("--strict", "reject the first malformed row instead of skipping it")
    .option("--lengths <file>", "token lengths for ServeGen series (default: Azure 2023 conversation)")
    .option("--lengths-format <format>", "format of --lengths")
    .option("--backward-tolerance <s>", "how far timestamps may go back before the trace is rejected", "1")
    .option("--api-rpm <n>", "managed-API requests-per-minute quota to model")
    .option("--api-tpm <n>", "managed-API tokens-per-minute quota to model")
    .action(async (opts: Record<string, string | boolean | undefined> & { json?: boolean }) => {
      const { simulate } = await import("./commands/simulate.js");
      const { renderSimulate } = await import("./render/simulateText.js");
      const text = (k: string) => (typeof opts[k] === "string" ? (opts[k] as string) : undefined);
      const quiet = opts.json === true && !process.stderr.isTTY;
      const result = await simulate({
        workload: text("workload"),
        trace: text("trace"),
        format: text("format"),
        seed: text("seed"),
        scale: text("scale"),
        repeat: text("repeat"),
        start: text("start"),
        duration: text("duration"),
        strict: opts.strict === true,
        lengths: text("lengths"),
        lengthsFormat: text("lengthsFormat"),
        backwardTolerance: text("backwardTolerance"),
        apiRpm: text("apiRpm"),
        apiTpm: text("apiTpm"),
        chart: text("chart"),
        ...(quiet ? {} : { progress: io.err }),
      });
      io.out(
        opts.json
          ? `${JSON.stringify(result.report, null, 2)}\n`
          : renderSimulate(result.report, result.chartFile),
      );
      code = EXIT.ok;
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successful exits; every other parse failure is bad input.
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (isInputError(error)) {
      io.err(`error: ${error.message}\n`);
      return EXIT.badInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`internal error: ${message}\n`);
    if (process.env.INFERPLANE_DEBUG && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
    else
      io.err(
        "This is a bug in inferplane; rerun with INFERPLANE_DEBUG=1 for the stack trace and report it.\n",
      );
    return EXIT.internal;
  }
}
