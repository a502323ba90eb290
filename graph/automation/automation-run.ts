import { CypherQuery, PlainRow } from "../executor";

/** The statement runner of a write transaction, as `CypherExecutor.writeSteps` hands it to its work. */
export type AutomationRun = (query: CypherQuery, params: Record<string, unknown>) => Promise<PlainRow[]>;
