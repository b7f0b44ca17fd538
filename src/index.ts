// The GitHub App entry: `probot run ./dist/src/index.js` (npm start) loads this function.
import type { Probot } from "probot";
import peptalk from "./app/index.js";

// Probot falls back to the secret "development" when WEBHOOK_SECRET is unset, so anyone could
// forge deliveries. In production, refuse to start instead.
if (process.env["NODE_ENV"] === "production" && !process.env["WEBHOOK_SECRET"]) {
  throw new Error(
    "WEBHOOK_SECRET must be set when NODE_ENV=production (Probot would otherwise accept a default secret).",
  );
}

export default (app: Probot): void => peptalk(app);
