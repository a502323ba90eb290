import { RequestContext } from "../../resolvers/context";

/** Adds `extensions.relata` (Cypher statements, their names and database time) for admins who ask for it. */
export function debugStatsPlugin() {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({
          contextValue,
          response,
        }: {
          contextValue: RequestContext;
          response: { body: { kind: string; singleResult?: { extensions?: Record<string, unknown> } } };
        }) {
          if (!contextValue?.debug || response.body.kind !== "single" || !response.body.singleResult) return;
          const stats = contextValue.stats;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            relata: {
              cypherQueries: stats.queries,
              dbTimeMs: Math.round(stats.dbTimeMs * 100) / 100,
              queries: stats.log,
            },
          };
        },
      };
    },
  };
}
