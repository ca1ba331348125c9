import { workersProject } from "./project.ts";

/** The Worker, its Durable Objects and D1 inside workerd, with every backend on its embedded default. */
export default workersProject("workers");
