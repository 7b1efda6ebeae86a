import { isLiteralSecret } from "../lib/match.js";
import { at, num, rec, str } from "../lib/values.js";
import { resourceRule } from "../rule.js";

/** GW-01: authenticated routes and function URLs; Lambda without literal secrets and with a concurrency cap. */
export const gw01AuthenticatedGateway = resourceRule({
  name: "gw-01-authenticated-gateway",
  description:
    "Gateway routes and methods require authorization, Lambda URLs need IAM auth, and gateway functions hold no literal secrets and cap concurrency.",
  guard: {
    checklistId: "GW-01",
    priority: "P0",
    sources: [
      "checkov CKV_AWS_59, CKV_AWS_309, CKV_AWS_258, CKV_AWS_45, CKV_AWS_115",
      "checkov CKV2_AWS_29 (WAF; not checked here)",
    ],
    exceptions: "OPTIONS methods (CORS preflight) may be unauthenticated",
  },
  defaults: {},
  types: [
    "aws:apigatewayv2/route:Route",
    "aws:apigateway/method:Method",
    "aws:lambda/functionUrl:FunctionUrl",
    "aws:lambda/function:Function",
  ],
  check: (props, ctx, report) => {
    switch (ctx.type) {
      case "aws:apigatewayv2/route:Route":
        if ((str(props.authorizationType) ?? "NONE") === "NONE") {
          report(
            'the route has no authorizer: set authorizationType ("JWT", "AWS_IAM" or "CUSTOM") (CKV_AWS_309).',
          );
        }
        return;
      case "aws:apigateway/method:Method":
        if (str(props.authorization) === "NONE" && str(props.httpMethod) !== "OPTIONS") {
          report('authorization = "NONE": use AWS_IAM, COGNITO_USER_POOLS or CUSTOM (CKV_AWS_59).');
        }
        return;
      case "aws:lambda/functionUrl:FunctionUrl":
        if (str(props.authorizationType) !== "AWS_IAM") {
          report('the function URL is public: set authorizationType = "AWS_IAM" (CKV_AWS_258).');
        }
        return;
      default: {
        const vars = rec(at(props, "environment", "variables")) ?? {};
        for (const [name, value] of Object.entries(vars)) {
          if (isLiteralSecret(name, value)) {
            report(
              `environment variable ${name} holds a literal credential: read it from Secrets Manager at runtime (CKV_AWS_45).`,
            );
          }
        }
        const reserved = num(props.reservedConcurrentExecutions);
        if (reserved === undefined || reserved < 0) {
          report(
            "no concurrency cap: set reservedConcurrentExecutions so a burst cannot exhaust the account (CKV_AWS_115).",
          );
        }
      }
    }
  },
});
