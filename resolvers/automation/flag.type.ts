import { Field, ID, ObjectType } from "type-graphql";
import { Flag } from "../../graph/automation/flag.repository";

@ObjectType("Flag", {
  simpleResolvers: true,
  description: "A flag a playbook put on a record (e.g. a cell batch for R&D).",
})
export class FlagView {
  @Field(() => ID)
  id!: string;

  @Field()
  flag!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => ID, { nullable: true, description: "The firing that set it (its audit records name it)." })
  firingId!: string | null;

  @Field(() => ID, { nullable: true })
  playbookId!: string | null;

  @Field()
  at!: Date;
}

export function toFlagView(flag: Flag): FlagView {
  return {
    id: flag.id,
    flag: flag.flag,
    note: flag.note,
    firingId: flag.firingId,
    playbookId: flag.playbookId,
    at: new Date(flag.at),
  };
}
