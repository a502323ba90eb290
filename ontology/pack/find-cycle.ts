/**
 * A cycle in a directed graph given as adjacency lists, as the list of nodes along it (first node repeated
 * at the end), or null. Iterative DFS, so deep hierarchies cannot overflow the stack.
 */
export function findCycle(edges: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, "visiting" | "done">();
  for (const start of [...edges.keys()].sort()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    const stack: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    state.set(start, "visiting");
    path.push(start);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const targets = edges.get(frame.node) ?? [];
      if (frame.next >= targets.length) {
        state.set(frame.node, "done");
        stack.pop();
        path.pop();
        continue;
      }
      const target = targets[frame.next]!;
      frame.next += 1;
      const seen = state.get(target);
      if (seen === "visiting") return [...path.slice(path.indexOf(target)), target];
      if (seen === undefined) {
        state.set(target, "visiting");
        path.push(target);
        stack.push({ node: target, next: 0 });
      }
    }
  }
  return null;
}
