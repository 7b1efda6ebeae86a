import * as pulumi from "@pulumi/pulumi";
import { mockFailure } from "./mocks/context.js";

const premature: string[] = [];

/**
 * Installs mocks that refuse every registration and invoke. Without them, a program module
 * imported before the offline engine starts registers nothing and its outputs still resolve from
 * its own inputs, so a test of it passes while checking nothing (trap 1 in the testing
 * reference). Armed, the same mistake fails: the registration rejects with a message saying
 * what to do, and the next engine run refuses to start until the mistake is fixed.
 */
export async function armRegistrationGuard(): Promise<void> {
  await pulumi.runtime.setMocks(guardMocks, "inferplane", "unarmed", false);
}

/** The guard's mocks: refuse, remember, and say what to do instead. */
export const guardMocks: pulumi.runtime.Mocks = {
  newResource(args) {
    const what = `${args.type} "${args.name}"`;
    premature.push(what);
    throw mockFailure(
      `${what} was registered outside an offline engine run. Construct resources inside ` +
        "runOffline(...) (pass the program path or a function), never at import time of a test.",
    );
  },
  call(args) {
    throw mockFailure(`invoke ${args.token} was called outside an offline engine run.`);
  },
};

/** Registrations the guard refused since the last call; clears the list. */
export function takePrematureRegistrations(): string[] {
  return premature.splice(0, premature.length);
}
