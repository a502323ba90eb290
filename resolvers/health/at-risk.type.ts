import { Field, ObjectType } from "type-graphql";
import { Account } from "../account/account.type";
import { Connection } from "../common/connection.type";
import { HealthSnapshot } from "./account-health.type";

@ObjectType({ simpleResolvers: true })
export class AtRiskAccount {
  @Field(() => Account)
  account!: Account;

  @Field(() => HealthSnapshot)
  health!: HealthSnapshot;
}

export const AtRiskConnection = Connection("AtRiskConnection", "AtRiskEdge", AtRiskAccount);
