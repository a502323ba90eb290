import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({
  simpleResolvers: true,
  description: "An ontology pack as loaded: the active version and the stored ones.",
})
export class Ontology {
  @Field(() => ID, { description: 'Pack id, e.g. "core" or "manufacturing".' })
  pack!: string;

  @Field({ description: "The active version (its concepts are the live graph)." })
  version!: string;

  @Field(() => [String], { description: "Every stored version, oldest first." })
  versions!: string[];

  title!: Record<string, string>;

  @Field()
  namespace!: string;

  @Field({ description: "Shipped with Relata (true) or imported by your tenant (false)." })
  builtIn!: boolean;

  @Field(() => Int)
  conceptCount!: number;

  @Field(() => Int)
  mappingCount!: number;
}

@ObjectType({ simpleResolvers: true, description: "A problem that made an import fail, with where it is." })
export class PackProblem {
  @Field({ description: 'e.g. "concepts[3].parts[1].weight" or "line 12, column 3".' })
  where!: string;

  @Field()
  message!: string;
}

@ObjectType({ simpleResolvers: true, description: "Something an import assumed or left out, with where it is." })
export class ImportNote {
  @Field({ description: 'e.g. "<http://example.org/vocab#scheme>" or "concepts".' })
  where!: string;

  @Field()
  message!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: "A concept or mapping whose content changed, and which fields changed.",
})
export class ChangedItem {
  @Field()
  key!: string;

  @Field(() => [String])
  fields!: string[];
}

@ObjectType({ simpleResolvers: true, description: "What changed between two versions of a pack." })
export class OntologyDiff {
  @Field(() => [String])
  addedConcepts!: string[];

  @Field(() => [String])
  removedConcepts!: string[];

  @Field(() => [ChangedItem])
  changedConcepts!: ChangedItem[];

  @Field(() => [String], { description: 'Mappings as "system/field → concept".' })
  addedMappings!: string[];

  @Field(() => [String])
  removedMappings!: string[];

  @Field(() => [ChangedItem])
  changedMappings!: ChangedItem[];
}

@ObjectType({ simpleResolvers: true, description: "The outcome of importOntology." })
export class ImportOntologyResult {
  @Field({
    description:
      "IMPORTED (now active), STORED (an older version kept beside the active one), UNCHANGED (already stored), " +
      "REJECTED (nothing written; see problems).",
  })
  status!: string;

  @Field(() => String, { nullable: true })
  pack!: string | null;

  @Field(() => String, { nullable: true })
  version!: string | null;

  @Field(() => [PackProblem], { description: "Every problem found, all at once." })
  problems!: PackProblem[];

  @Field(() => [ImportNote], {
    description:
      "What the import assumed or left out without failing: a defaulted version, a derived pack id, links to " +
      "concepts outside the vocabulary, SKOS relations Relata does not store.",
  })
  notes!: ImportNote[];

  @Field(() => OntologyDiff, { nullable: true, description: "Changes against the previously active version." })
  diff!: OntologyDiff | null;
}
