import { ClassType, Field, Int, ObjectType } from "type-graphql";
import { PageInfo } from "./page-info.type";

/**
 * Declares a Relay connection type `<name>` with its edge type `<edgeName>` for `nodeType`.
 * Usage: `export const ContactConnection = Connection("ContactConnection", "ContactEdge", Contact);`
 */
export function Connection<T extends object>(name: string, edgeName: string, nodeType: ClassType<T>) {
  @ObjectType(edgeName, { simpleResolvers: true })
  class EdgeType {
    @Field({ description: "Pass as after to continue after this item." })
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(name, { simpleResolvers: true })
  class ConnectionType {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "How many items the whole list has (counted only when asked for)." })
    totalCount!: number | null;
  }

  return ConnectionType;
}
