import { loadCorpusContext } from "../../../cli/nl";
import { buildLexicon } from "../../../domain/plain-language/lexicon";
import { tokenize } from "../../../domain/plain-language/tokens";

const lexicon = buildLexicon(loadCorpusContext());

function first(text: string) {
  const tokens = tokenize(text);
  return lexicon.matchAt(tokens, 0, text);
}

describe("the plain-language lexicon", () => {
  it("matches concepts by preferred and alternative labels in English and Chinese, plurals folded", () => {
    expect(first("mean time between failures of a machine")?.entries.map((e) => e.id)).toContain(
      "core:mean-time-between-failures",
    );
    expect(first("open tickets")?.entries.map((e) => e.id)).toContain("core:support-backlog");
    expect(first("open ticket")?.entries.map((e) => e.id)).toContain("core:support-backlog");
    expect(first("满意度评分低于3")?.entries.map((e) => e.id)).toContain("core:csat");
  });

  it("takes the longest match: the page beats the concept of the same words", () => {
    const text = "remote quality-control page";
    const match = first(text);
    expect(match?.text).toBe(text);
    expect(match?.entries[0]).toMatchObject({ kind: "PAGE", id: "/solutions/remote-quality-control" });
  });

  it("knows the directory's people, teams, roles, organizations, webhooks, field values and grades", () => {
    const kinds = (text: string) => lexicon.findAll(text).flatMap((m) => m.entries.map((e) => `${e.kind}:${e.id}`));
    expect(kinds("Tom Becker")).toEqual(["USER:u-tom-becker"]);
    expect(kinds("key account team")).toEqual(["TEAM:t-key-accounts"]);
    expect(kinds("the compliance officer")).toContain("ROLE:compliance");
    expect(kinds("GreenVolt Service")).toEqual(["ORGANIZATION:org-greenvolt-service"]);
    expect(kinds("reseller")).toEqual(["ORGANIZATION_KIND:RESELLER"]);
    expect(kinds("ServiceNow")).toEqual(["WEBHOOK_ENDPOINT:wh-servicenow"]);
    expect(kinds("hospitals")).toContain("ACCOUNT_FIELD_VALUE:HEALTHCARE");
    expect(kinds("华通医疗服务")).toEqual(["ORGANIZATION:org-huatong-medical"]);
    expect(kinds("amber")).toEqual(["HEALTH_GRADE:YELLOW"]);
    expect(kinds("sales lead")).toEqual(["ACCOUNT_OWNER:ACCOUNT_OWNER"]);
  });

  it("finds concepts by the words they share with a phrase (labels and field names)", () => {
    expect(lexicon.searchConcepts("usage limit")[0]?.concept).toBe("saas:product-qualified-signal");
    expect(lexicon.searchConcepts("open-ticket backlog")[0]?.concept).toBe("core:support-backlog");
  });
});
