import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { GRAPH_NODE_KINDS, GRAPH_RELATIONSHIPS } from "../../domain/neighbourhood/graph-view.model";
import { enumOf } from "../common/enums";

export const GraphRelationshipEnum = enumOf(GRAPH_RELATIONSHIPS);
export const GraphNodeKindEnum = enumOf(GRAPH_NODE_KINDS);

registerEnumType(GraphRelationshipEnum, {
  name: "GraphRelationship",
  description:
    "A relationship graph views follow: WORKS_AT (contact to account), FOR_ACCOUNT (opportunity), " +
    "INSTALLED_AT (asset), and the value network's PARTNER_OF, SUPPLIES, SERVICES, RESELLS_TO (organization to account).",
});
registerEnumType(GraphNodeKindEnum, { name: "GraphNodeKind", description: "The kind of record a graph node is." });

@ObjectType({ simpleResolvers: true, description: "A record drawn in a graph view." })
export class GraphNode {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphNodeKindEnum)
  kind!: string;

  @Field({ description: "The record's name (its external id when it has none)." })
  label!: string;

  @Field(() => Int, {
    description: "Relationships of the followed types to live records: how many neighbours expanding it shows.",
  })
  degree!: number;

  @Field(() => Int, { description: "Links from the centre (0 for the centre); a path's position along it." })
  distance!: number;
}

@ObjectType({ simpleResolvers: true, description: "A relationship between two records of a graph view." })
export class GraphEdge {
  @Field({ description: "source|type|target." })
  id!: string;

  @Field(() => ID, { description: "The id of the record the relationship starts from." })
  source!: string;

  @Field(() => ID)
  target!: string;

  @Field(() => GraphRelationshipEnum)
  type!: string;
}

@ObjectType({ simpleResolvers: true, description: "The records around one record, nearest first." })
export class Neighbourhood {
  @Field(() => GraphNode)
  center!: GraphNode;

  @Field(() => [GraphNode], { description: "At most `first` records, nearest first, the centre left out." })
  nodes!: GraphNode[];

  @Field(() => [GraphEdge], { description: "Every followed relationship among the centre and nodes." })
  edges!: GraphEdge[];

  @Field(() => Int, { description: "Records within the depth in all; more than nodes when cut at `first`." })
  totalCount!: number;
}

@ObjectType({ simpleResolvers: true, description: "A shortest path between two records." })
export class GraphPath {
  @Field(() => [GraphNode], { description: "From the first record to the second, in order." })
  nodes!: GraphNode[];

  @Field(() => [GraphEdge])
  edges!: GraphEdge[];

  @Field(() => Int, { description: "Links along the path." })
  length!: number;
}
