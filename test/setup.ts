// Runs before every test file's imports: a program or component constructed outside an offline
// engine run (say, by a static import of a program module) now fails instead of silently
// registering nothing.
import { armRegistrationGuard } from "../engine/guard.js";

await armRegistrationGuard();
