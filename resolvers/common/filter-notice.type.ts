import { Field, ObjectType } from "type-graphql";
import { FilterNotice as FilterNoticeModel } from "../../domain/search/closest-values";

@ObjectType({
  simpleResolvers: true,
  description: "A filter value no record of your tenant has (values match exactly), with the closest valid values.",
})
export class FilterNotice implements FilterNoticeModel {
  @Field({ description: 'Where the value was given, e.g. "filter.region".' })
  filter!: string;

  @Field()
  value!: string;

  @Field(() => [String], { description: "Your tenant's values closest to it, best first (at most 5)." })
  closest!: string[];

  @Field()
  message!: string;
}
