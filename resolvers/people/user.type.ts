import { Field, ObjectType } from "type-graphql";
import { User as UserModel } from "../../domain/model";
import { Seniority, UserRole } from "../../domain/records";
import { SeniorityEnum } from "../common/enums";
import { ProvenanceFields } from "../common/provenance.type";
import { NodeInterface } from "../node/node.interface";

@ObjectType({
  simpleResolvers: true,
  description:
    "A person who works with Relata: an account owner, a task assignee, a playbook owner. Their externalId is " +
    "the sub of their tokens; what such a token may do is capped by the user's roles.",
  implements: [ProvenanceFields, NodeInterface],
})
export class User extends ProvenanceFields implements UserModel {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => [String], { description: "admin, analyst, integrator, viewer and/or rep; sorted. Empty: no rights." })
  roles!: UserRole[];

  @Field(() => SeniorityEnum, { nullable: true })
  seniority!: Seniority | null;

  teamId!: string | null;
  managerExternalId!: string | null;
}
