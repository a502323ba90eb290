import { Field, ObjectType } from "type-graphql";
import { Asset as AssetModel } from "../../domain/model";
import { ProvenanceFields } from "../common/provenance.type";
import { NodeInterface } from "../node/node.interface";

@ObjectType({
  simpleResolvers: true,
  description: "A product installed at a customer: a device, machine, vehicle or licence.",
  implements: [ProvenanceFields, NodeInterface],
})
export class Asset extends ProvenanceFields implements AssetModel {
  accountId!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  serialNumber!: string | null;

  @Field(() => String, { nullable: true })
  model!: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD." })
  installedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the asset is in service, e.g. "EMEA".' })
  region!: string | null;

  batchCode!: string | null;
}
