import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { DraftLanguage } from "../../domain/plain-language/draft";
import { RequestContext } from "../context";
import { DraftLanguageEnum, PlaybookDraftView, toPlaybookDraftView } from "./playbook-draft.type";

/** Plain-language authoring (issue 12, docs/plain-language.md): a sentence becomes a draft playbook. */
@Resolver()
export class DraftResolver {
  @Query(() => PlaybookDraftView, {
    description:
      "Drafts a playbook from an English or Chinese sentence (at most 1,000 characters), against your tenant's " +
      "vocabulary: what it recognised, what it did not, how sure it is, and a savePlaybook input. Saves nothing.",
  })
  async draftPlaybookFromText(
    @Ctx() ctx: RequestContext,
    @Arg("text") text: string,
    @Arg("language", () => DraftLanguageEnum, { nullable: true }) language?: DraftLanguage | null,
  ): Promise<PlaybookDraftView> {
    return toPlaybookDraftView(await ctx.drafts.draft(text, language ?? null));
  }
}
