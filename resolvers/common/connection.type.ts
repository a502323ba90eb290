import { ClassType, Field, Int, ObjectType } from "type-graphql";
import { FilterNotice } from "./filter-notice.type";
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

    @Field(() => [FilterNotice], {
      description:
        "Filter values of a top-level list that no record of your tenant has, with the closest valid values " +
        "(filters match exactly, so a value with no records would otherwise just give an empty list). " +
        "Empty for nested lists.",
    })
    notices!: FilterNotice[] | Promise<FilterNotice[]>;
  }

  return ConnectionType;
}
