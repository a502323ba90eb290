import { Field, ObjectType } from "type-graphql";

@ObjectType("TokenRevocation", {
  simpleResolvers: true,
  description: "A bearer token revoked before it expires; every API instance refuses it within seconds.",
})
export class TokenRevocationView {
  @Field({ description: "The revoked token's id: its jti, or the tokenId `viewer` showed for it." })
  jti!: string;

  @Field({ description: "When it was first revoked (revoking again changes nothing)." })
  revokedAt!: Date;

  @Field({ description: "The subject of the admin who revoked it." })
  revokedBy!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}
