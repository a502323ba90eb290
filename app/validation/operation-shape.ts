import {
  ASTVisitor,
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLError,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from "graphql";

/** The response key an operation selects most often in one selection set, and how often. */
export interface FieldRepeat {
  key: string;
  count: number;
}

/**
 * The shape of an operation with every fragment spread expanded where it is spread, as a walker that
 * follows fragments meets it. A fragment spread twice counts twice, so a "diamond" of fragments (each
 * spreading the next twice) shows its true, exponential size here, while computing it stays linear.
 */
export interface OperationShape {
  /** Nested field levels; fragments and inline fragments are not a level, introspection fields do not count. */
  depth: number;
  aliases: number;
  directives: number;
  /**
   * The most repeated response key of any one selection set (its fragments merged in; `__typename` not
   * counted), or null when there is none.
   */
  worstRepeat: FieldRepeat | null;
}

interface SetShape extends OperationShape {
  /** Response keys of this level, with this level's inline fragments and spreads merged in. */
  keys: Map<string, number>;
}

const EMPTY: SetShape = { depth: 0, aliases: 0, directives: 0, worstRepeat: null, keys: new Map() };

function worse(a: FieldRepeat | null, b: FieldRepeat | null): FieldRepeat | null {
  if (a === null) return b;
  if (b === null) return a;
  return b.count > a.count ? b : a;
}

/**
 * Measures the operations of one document. Each fragment is measured once and its measures reused at
 * every spread (memoised), so the work is linear in the size of the document whatever the expanded size.
 */
class ShapeAnalysis {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly measured = new Map<string, SetShape | "in progress">();
  private readonly operations = new Map<OperationDefinitionNode, OperationShape>();

  constructor(document: DocumentNode) {
    for (const definition of document.definitions) {
      if (definition.kind === "FragmentDefinition") this.fragments.set(definition.name.value, definition);
    }
  }

  operation(node: OperationDefinitionNode): OperationShape {
    let shape = this.operations.get(node);
    if (shape === undefined) {
      const set = this.selectionSet(node.selectionSet);
      shape = {
        depth: set.depth,
        aliases: set.aliases,
        directives: set.directives + (node.directives?.length ?? 0),
        worstRepeat: set.worstRepeat,
      };
      this.operations.set(node, shape);
    }
    return shape;
  }

  private fragment(name: string): SetShape {
    const known = this.measured.get(name);
    // A cycle (which NoFragmentCyclesRule reports) adds nothing instead of looping.
    if (known === "in progress") return EMPTY;
    if (known !== undefined) return known;
    const definition = this.fragments.get(name);
    if (definition === undefined) return EMPTY;
    this.measured.set(name, "in progress");
    const shape = this.selectionSet(definition.selectionSet);
    const withOwn = { ...shape, directives: shape.directives + (definition.directives?.length ?? 0) };
    this.measured.set(name, withOwn);
    return withOwn;
  }

  private selectionSet(set: SelectionSetNode): SetShape {
    const keys = new Map<string, number>();
    let depth = 0;
    let aliases = 0;
    let directives = 0;
    let worstRepeat: FieldRepeat | null = null;
    const merge = (part: SetShape) => {
      depth = Math.max(depth, part.depth);
      aliases += part.aliases;
      directives += part.directives;
      worstRepeat = worse(worstRepeat, part.worstRepeat);
      for (const [key, count] of part.keys) keys.set(key, (keys.get(key) ?? 0) + count);
    };
    for (const selection of set.selections) {
      directives += selection.directives?.length ?? 0;
      if (selection.kind === "Field") {
        const key = selection.alias?.value ?? selection.name.value;
        // Clients such as Apollo Client add __typename to every selection set and fragment; it costs nothing.
        if (selection.name.value !== "__typename") keys.set(key, (keys.get(key) ?? 0) + 1);
        if (selection.alias) aliases += 1;
        const child = selection.selectionSet ? this.selectionSet(selection.selectionSet) : null;
        if (child !== null) {
          aliases += child.aliases;
          directives += child.directives;
          worstRepeat = worse(worstRepeat, child.worstRepeat);
        }
        // Introspection is answered from the schema in memory; its depth is not the graph's.
        if (!selection.name.value.startsWith("__")) depth = Math.max(depth, 1 + (child?.depth ?? 0));
      } else if (selection.kind === "InlineFragment") {
        merge(this.selectionSet(selection.selectionSet));
      } else {
        merge(this.fragment(selection.name.value));
      }
    }
    for (const [key, count] of keys) worstRepeat = worse(worstRepeat, { key, count });
    return { depth, aliases, directives, worstRepeat, keys };
  }
}

const analyses = new WeakMap<DocumentNode, ShapeAnalysis>();

/** The shape of `operation` in `document`; the rules of one validation share one analysis. */
export function operationShape(document: DocumentNode, operation: OperationDefinitionNode): OperationShape {
  let analysis = analyses.get(document);
  if (analysis === undefined) {
    analysis = new ShapeAnalysis(document);
    analyses.set(document, analysis);
  }
  return analysis.operation(operation);
}

/**
 * A validation rule that measures each operation once ({@link operationShape}) and reports what `refuse`
 * returns for it, if anything. The rule need not visit the operation's fields itself.
 */
export function shapeRule(
  refuse: (shape: OperationShape, operation: OperationDefinitionNode) => GraphQLError | null,
): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const refusal = refuse(operationShape(context.getDocument(), node), node);
      if (refusal !== null) context.reportError(refusal);
      return false;
    },
  });
}
