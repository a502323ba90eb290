import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { ConceptRecord } from "../../graph/ontology/ontology-records";
import { LangText, LangTexts } from "../../ontology/model/ontology.model";
import { Connection } from "../common/connection.type";
import { NodeInterface } from "../node/node.interface";

@ObjectType({ simpleResolvers: true, description: "A label of a concept in one language." })
export class Label {
  @Field({ description: "BCP-47 language tag, e.g. en or zh." })
  lang!: string;

  @Field()
  value!: string;

  @Field({ description: "True for the preferred label (skos:prefLabel), false for alternatives." })
  preferred!: boolean;
}

@ObjectType({ simpleResolvers: true, description: "A text in one language." })
export class LocalizedText {
  @Field()
  lang!: string;

  @Field()
  value!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: "A business concept of an industry ontology.",
  implements: NodeInterface,
})
export class Concept implements ConceptRecord {
  @Field(() => ID, { description: 'Pack-qualified id, e.g. "core:satisfaction".' })
  id!: string;

  @Field({ description: "The pack that defines the concept." })
  pack!: string;

  scope!: string;
  prefLabel!: LangText;
  altLabel!: LangTexts;
  definition!: LangText;
}

@ObjectType({
  simpleResolvers: true,
  description: "A part of a composite concept, with its default weight in the whole.",
})
export class ConceptPart {
  @Field(() => Concept)
  concept!: Concept;

  @Field(() => Float)
  weight!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: "A concept above another, through broader links or as the whole it is part of.",
})
export class ConceptAncestor {
  @Field(() => Concept)
  concept!: Concept;

  @Field(() => Int, { description: "How many links up: 1 for a direct broader concept or whole." })
  distance!: number;
}

@ObjectType({ simpleResolvers: true, description: "An aligned concept of another pack." })
export class ConceptMatch {
  @Field({ description: "EXACT_MATCH or CLOSE_MATCH." })
  kind!: string;

  @Field(() => Concept)
  concept!: Concept;
}

export const ConceptConnection = Connection("ConceptConnection", "ConceptEdge", Concept);
