import { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, ID, Info, Query, Resolver } from "type-graphql";
import { assertIdCount } from "../../domain/ids/id-count";
import { parseGlobalId } from "../../domain/ids/global-id";
import { RECORD_TYPES, RecordType } from "../../domain/ids/record-types";
import { RecordTypeEnum } from "../common/enums";
import { ExternalKeyInput } from "./external-key.input";
import { RequestContext } from "../context";
import { NodeInterface } from "./node.interface";
import { nodeKeys } from "./node-selections";

/**
 * Relay's `node` and `nodes`: any record, source system or concept of the caller's tenant by global id.
 * Each read projects only what the selection asks of the record's type (decision 0040).
 */
@Resolver()
export class NodeResolver {
  @Query(() => NodeInterface, {
    nullable: true,
    description:
      "Anything with a global id: a record, a source system or a concept. Null when your tenant has no such " +
      "live object (another tenant's ids and deleted records included); a malformed id is an INVALID_ID error.",
  })
  node(@Arg("id", () => ID) id: string, @Info() info: GraphQLResolveInfo, @Ctx() ctx: RequestContext) {
    return ctx.loaders.nodeById.load(nodeKeys(info)(parseGlobalId(id)));
  }

  @Query(() => [NodeInterface], {
    nullable: "items",
    description:
      "Several objects by global id, in the order asked, null where node(id:) would be null; types may be " +
      "mixed. At most the largest page size (500 by default) per call.",
  })
  nodes(@Arg("ids", () => [ID]) ids: string[], @Info() info: GraphQLResolveInfo, @Ctx() ctx: RequestContext) {
    assertIdCount(ids.length, ctx.paging.maxSize, "ids");
    const refs = ids.map((id, i) => parseGlobalId(id, `ids[${i}]`));
    const key = nodeKeys(info);
    // Not loadMany: a failed read fails the field instead of putting Error objects into the list.
    return Promise.all(refs.map((ref) => ctx.loaders.nodeById.load(key(ref))));
  }

  @Query(() => NodeInterface, {
    nullable: true,
    description:
      "A record by the key its source system knows it by; null when your tenant has no such live record. " +
      "Select the type's fields with an inline fragment (... on Account { name }).",
  })
  nodeByExternalId(
    @Arg("type", () => RecordTypeEnum) type: RecordType,
    @Arg("sourceSystem") sourceSystem: string,
    @Arg("externalId") externalId: string,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RequestContext,
  ) {
    const ref = ctx.repositories.nodes.refOfExternalId(RECORD_TYPES[type], sourceSystem, externalId);
    return ctx.loaders.nodeById.load(nodeKeys(info)(ref));
  }

  @Query(() => [NodeInterface], {
    nullable: "items",
    description:
      "Records by their source systems' keys, in the order asked, null where there is none; types may be " +
      "mixed. At most the largest page size (500 by default) per call. One read for the whole list.",
  })
  nodesByExternalIds(
    @Arg("keys", () => [ExternalKeyInput]) keys: ExternalKeyInput[],
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RequestContext,
  ) {
    assertIdCount(keys.length, ctx.paging.maxSize, "keys");
    const nodeKey = nodeKeys(info);
    return Promise.all(
      keys.map((key) =>
        ctx.loaders.nodeById.load(
          nodeKey(ctx.repositories.nodes.refOfExternalId(RECORD_TYPES[key.type], key.sourceSystem, key.externalId)),
        ),
      ),
    );
  }
}
