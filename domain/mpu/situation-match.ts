import { SituationTag, SituationTagKind } from "./mpu";

/** What the graph knows about an account's situation now, as matching reads it. */
export interface AccountSituation {
  accountId: string;
  industry: string | null;
  segment: string | null;
  /** The stages of its opportunities (the one given, or all of them). */
  dealStages: readonly string[];
  /** The buying roles its contacts hold. */
  buyerRoles: readonly string[];
  /** The latest grade of the default health model. */
  healthGrade: string | null;
  /** The concepts its latest health explanation measures. */
  concepts: readonly string[];
}

/** How well a unit's situation fits an account, and why. */
export interface SituationMatch {
  /** Every required tag matches and at least one tag does. */
  eligible: boolean;
  /** Matched tags ÷ all tags, 0..1. */
  score: number;
  matched: SituationTag[];
  unmatched: SituationTag[];
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function valuesOf(situation: AccountSituation, kind: SituationTagKind): readonly string[] {
  switch (kind) {
    case "INDUSTRY":
      return situation.industry === null ? [] : [situation.industry];
    case "SEGMENT":
      return situation.segment === null ? [] : [situation.segment];
    case "DEAL_STAGE":
      return situation.dealStages;
    case "BUYER_ROLE":
      return situation.buyerRoles;
    case "HEALTH_GRADE":
      return situation.healthGrade === null ? [] : [situation.healthGrade];
    case "CONCEPT":
      return situation.concepts;
  }
}

/** Whether one tag holds for the account (values compared without case or surrounding spaces). */
export function tagMatches(tag: SituationTag, situation: AccountSituation): boolean {
  return valuesOf(situation, tag.kind).some((value) => same(value, tag.value));
}

/**
 * Matches a unit's situation tags against an account: each tag holds or not; the score is the share that
 * hold; a unit is eligible when every required tag holds and at least one tag does (a unit whose situation
 * shares nothing with the account is never recommended for it).
 */
export function matchSituation(tags: readonly SituationTag[], situation: AccountSituation): SituationMatch {
  const matched: SituationTag[] = [];
  const unmatched: SituationTag[] = [];
  for (const tag of tags) (tagMatches(tag, situation) ? matched : unmatched).push(tag);
  const score = tags.length === 0 ? 0 : matched.length / tags.length;
  const eligible = matched.length > 0 && unmatched.every((tag) => !tag.required);
  return { eligible, score, matched, unmatched };
}
