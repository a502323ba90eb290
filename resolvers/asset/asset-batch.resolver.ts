import { FieldResolver, Resolver, Root } from "type-graphql";
import { Asset } from "./asset.type";
import { Batch, BatchView } from "./batch.type";

/** An asset's batch, from the code the asset carries: no query of its own. */
@Resolver(() => Asset)
export class AssetBatchResolver {
  @FieldResolver(() => Batch, { nullable: true, description: "The production batch the asset comes from." })
  batch(@Root() asset: Asset): BatchView | null {
    return asset.batchCode === null ? null : { code: asset.batchCode };
  }
}
