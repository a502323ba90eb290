import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { displayText } from "../../ontology/model/display-text";
import { RequestContext } from "../context";
import { Concept, ConceptAncestor, ConceptMatch, ConceptPart, Label, LocalizedText } from "./concept.type";
import { Mapping } from "./mapping.type";
import { toMappingView } from "./mapping-view";

@Resolver(() => Concept)
export class ConceptResolver {
  @FieldResolver(() => String, {
    description:
      "The preferred label in a language; when missing, the same language of another region, else English, " +
      "else the language whose tag sorts first.",
  })
  prefLabel(@Root() concept: Concept, @Arg("lang", { defaultValue: "en" }) lang: string): string {
    return displayText(concept.prefLabel, lang) ?? concept.id;
  }

  @FieldResolver(() => [Label], { description: "Every preferred and alternative label, in every language." })
  labels(@Root() concept: Concept): Label[] {
    return [
      ...Object.entries(concept.prefLabel).map(([lang, value]) => ({ lang, value, preferred: true })),
      ...Object.entries(concept.altLabel).flatMap(([lang, values]) =>
        values.map((value) => ({ lang, value, preferred: false })),
      ),
    ];
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The definition in a language; when missing, picked by the same rule as prefLabel.",
  })
  definition(@Root() concept: Concept, @Arg("lang", { defaultValue: "en" }) lang: string): string | null {
    return displayText(concept.definition, lang) ?? null;
  }

  @FieldResolver(() => [LocalizedText])
  definitions(@Root() concept: Concept): LocalizedText[] {
    return Object.entries(concept.definition).map(([lang, value]) => ({ lang, value }));
  }

  @FieldResolver(() => [Concept], { description: "More general concepts." })
  async broader(@Root() concept: Concept, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.concepts.related.broader.load(concept.id)).map((r) => r.concept);
  }

  @FieldResolver(() => [Concept], { description: "More specific concepts." })
  async narrower(@Root() concept: Concept, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.concepts.related.narrower.load(concept.id)).map((r) => r.concept);
  }

  @FieldResolver(() => [ConceptAncestor], {
    description: "Every concept above, through broader links and wholes, nearest first.",
  })
  async ancestors(@Root() concept: Concept, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.concepts.related.ancestors.load(concept.id)).map((r) => ({
      concept: r.concept,
      distance: r.weight ?? 0,
    }));
  }

  @FieldResolver(() => [ConceptPart], { description: "For a composite: its parts and their default weights." })
  async parts(@Root() concept: Concept, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.concepts.related.parts.load(concept.id)).map((r) => ({
      concept: r.concept,
      weight: r.weight ?? 0,
    }));
  }

  @FieldResolver(() => [ConceptPart], {
    description: "The composites this concept is a part of, with its weight in each.",
  })
  async partOf(@Root() concept: Concept, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.concepts.related.partOf.load(concept.id)).map((r) => ({
      concept: r.concept,
      weight: r.weight ?? 0,
    }));
  }

  @FieldResolver(() => [ConceptMatch], { description: "The same or a similar concept in other packs." })
  async matches(@Root() concept: Concept, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.concepts.related.matches.load(concept.id)).map((r) => ({
      kind: r.kind,
      concept: r.concept,
    }));
  }

  @FieldResolver(() => [Mapping], { description: "The source fields mapped onto this concept." })
  async mappings(@Root() concept: Concept, @Ctx() ctx: RequestContext) {
    return (await ctx.loaders.concepts.mappingsByConcept.load(concept.id)).map(toMappingView);
  }
}
