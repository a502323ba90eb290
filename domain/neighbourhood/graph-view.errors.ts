/** A graph view asked for something it cannot give (a depth over the cap, a concept id, one node twice). */
export class GraphViewError extends Error {
  readonly code = "INVALID_ARGUMENT" as const;

  constructor(message: string) {
    super(message);
    this.name = "GraphViewError";
  }
}
