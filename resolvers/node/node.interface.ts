import { Field, ID, InterfaceType } from "type-graphql";

/**
 * The Relay `Node` interface: anything with a global id that `node(id:)` and `nodes(ids:)` read back.
 * Values carry their GraphQL type name in `__typename` (set where they are read by id).
 */
@InterfaceType("Node", {
  description: "An object with a global id: read it back with node(id:) or nodes(ids:).",
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class NodeInterface {
  @Field(() => ID, { description: "Relata's global id: node(id:) reads the object back; stable across re-ingests." })
  id!: string;
}
