import { GraphQLResolveInfo } from "graphql";
import { GraphQLJSON } from "graphql-scalars";
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  Float,
  ID,
  Info,
  Mutation,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from "type-graphql";
import { displayText } from "../../ontology/model/display-text";
import { OntologyFormat } from "../../services/ontology/ontology.service";
import { toConnection } from "../common/connection";
import { PageArgs } from "../common/page-args";
import { pageRequest } from "../common/page-request";
import { selectsField } from "../common/selection";
import { RequestContext } from "../context";
import { BridgedValue, BridgeMapping, FieldMeasure } from "./bridge.type";
import { Concept, ConceptConnection } from "./concept.type";
import { Mapping, MappingInput } from "./mapping.type";
import { toMappingView } from "./mapping-view";
import { ImportOntologyResult, Ontology, OntologyDiff } from "./ontology.type";

export const OntologyFormatEnum = { PACK: "PACK", SKOS_TURTLE: "SKOS_TURTLE", SKOS_RDF_XML: "SKOS_RDF_XML" } as const;
registerEnumType(OntologyFormatEnum, {
  name: "OntologyFormat",
  description:
    "PACK: Relata's YAML pack format (ontology/README.md). SKOS_TURTLE: SKOS in Turtle (or N-Triples). " +
    "SKOS_RDF_XML: SKOS in RDF/XML, for import only. What SKOS files are accepted: docs/ontologies.md.",
});

@Resolver(() => Ontology)
export class OntologyResolver {
  @Query(() => [Ontology], { description: "The ontology packs you see: the built-in ones and your own." })
  ontologies(@Ctx() ctx: RequestContext) {
    return ctx.repositories.ontology.ontologies();
  }

  @FieldResolver(() => String, {
    description: "The pack's title in a language; when missing, in the language docs/ontologies.md's rule picks.",
  })
  title(@Root() ontology: Ontology, @Arg("lang", { defaultValue: "en" }) lang: string): string {
    return displayText(ontology.title, lang) ?? ontology.pack;
  }

  @Query(() => Concept, { nullable: true, description: 'One concept by id, e.g. "core:satisfaction".' })
  concept(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    return ctx.loaders.concepts.conceptById.load(id);
  }

  @Query(() => ConceptConnection, {
    description: "Concepts by label in any language (full-text: 满意度 finds satisfaction), optionally of one pack.",
  })
  async concepts(
    @Arg("search", () => String, { nullable: true }) search: string | null,
    @Arg("ontology", () => ID, { nullable: true, description: "A pack id." }) ontology: string | null,
    @Args() page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RequestContext,
  ) {
    const request = pageRequest(ctx, "concepts", page);
    const result = await ctx.repositories.ontology.concepts({
      search,
      pack: ontology,
      first: request.first,
      after: request.after,
      withTotal: selectsField(info, "totalCount"),
    });
    return toConnection(result, request.scope, ctx.paging.cursorSecret);
  }

  @Query(() => [BridgeMapping], {
    description: "How a source field is mapped: its concepts and their paths to the roots.",
  })
  async bridge(@Arg("system") system: string, @Arg("field") field: string, @Ctx() ctx: RequestContext) {
    const bridged = await ctx.bridge.bridge(system, field);
    return bridged.map((b) => ({
      mapping: toMappingView(b.mapping),
      concept: b.concept,
      paths: b.paths.map((concepts) => ({ concepts })),
    }));
  }

  @Query(() => [FieldMeasure], {
    description: "Every source field in every system that measures a concept or one below it.",
  })
  async fieldsMeasuring(@Arg("conceptId", () => ID) conceptId: string, @Ctx() ctx: RequestContext) {
    const fields = await ctx.bridge.fieldsMeasuring(conceptId);
    return fields.map((f) => ({
      system: f.mapping.system,
      field: f.mapping.field,
      mapping: toMappingView(f.mapping),
      concept: f.path[0],
      path: f.path,
      distance: f.depth,
    }));
  }

  @Query(() => [BridgedValue], {
    description: "A raw value of a source field turned into 0..1 per mapping, with every step.",
  })
  async bridgeValue(
    @Arg("system") system: string,
    @Arg("field") field: string,
    @Arg("value", () => GraphQLJSON, { nullable: true, description: "The raw value: a number, text or true/false." })
    value: unknown,
    @Arg("numberValue", () => Float, { nullable: true }) numberValue: number | null,
    @Arg("stringValue", () => String, { nullable: true }) stringValue: string | null,
    @Arg("booleanValue", () => Boolean, { nullable: true }) booleanValue: boolean | null,
    @Ctx() ctx: RequestContext,
  ) {
    const results = await ctx.bridge.bridgeValue(system, field, { value, numberValue, stringValue, booleanValue });
    return results.map(({ mapping, concept, result }) => ({
      mapping: toMappingView(mapping),
      concept,
      ok: result.ok,
      value: result.ok ? result.value : null,
      reason: result.ok ? null : result.reason,
      steps: result.steps.map((s) => ({ step: s.step, value: String(s.value), note: s.note })),
    }));
  }

  @Query(() => OntologyDiff, { description: "Concepts and mappings added, removed and changed between two versions." })
  ontologyDiff(
    @Arg("from", { description: 'A version, with pack given ("1.0.0"), or "pack@version" ("core@1.0.0").' })
    from: string,
    @Arg("to") to: string,
    @Arg("pack", () => ID, { nullable: true }) pack: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.ontology.diffVersions(pack ?? null, from, to);
  }

  @Mutation(() => ImportOntologyResult, { description: "Validates a whole pack and stores it; all problems at once." })
  importOntology(
    @Arg("format", () => OntologyFormatEnum) format: OntologyFormat,
    @Arg("content") content: string,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.ontology.importOntology(format, content);
  }

  @Mutation(() => String, { description: "A pack (its active version unless one is named) as YAML or SKOS Turtle." })
  exportOntology(
    @Arg("pack", () => ID) pack: string,
    @Arg("version", () => String, { nullable: true }) version: string | null,
    @Arg("format", () => OntologyFormatEnum, { defaultValue: "PACK" }) format: OntologyFormat,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.ontology.exportOntology(pack, version, format);
  }

  @Mutation(() => Mapping, { description: "Creates or replaces your tenant's mapping of a field onto a concept." })
  async upsertMapping(@Arg("input", () => MappingInput) input: MappingInput, @Ctx() ctx: RequestContext) {
    await ctx.ontology.upsertMapping(input);
    const mappings = await ctx.repositories.ontology.mappingsOfField(input.system, input.field);
    const stored = mappings.find((m) => m.concept.id === input.concept && m.mapping.scope === ctx.principal.tenant);
    return toMappingView(stored!.mapping);
  }

  @Mutation(() => Boolean, { description: "Deletes your tenant's mapping; built-in mappings cannot be deleted." })
  async deleteMapping(
    @Arg("system") system: string,
    @Arg("field") field: string,
    @Arg("concept", () => ID) concept: string,
    @Ctx() ctx: RequestContext,
  ) {
    await ctx.ontology.deleteMapping(system, field, concept);
    return true;
  }
}

@Resolver(() => Mapping)
export class MappingResolver {
  @FieldResolver(() => Concept, { nullable: true })
  concept(@Root() mapping: Mapping, @Ctx() ctx: RequestContext) {
    return ctx.loaders.concepts.conceptById.load(mapping.conceptId);
  }
}
