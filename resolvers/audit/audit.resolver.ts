import { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, Info, Int, Query, Resolver } from "type-graphql";
import { decodeCursor } from "../../domain/pagination/cursor";
import { resolvePageSize } from "../../domain/pagination/page-size";
import { toConnection } from "../common/connection";
import { selectsField } from "../common/selection";
import { RequestContext } from "../context";
import {
  AuditCheckpointView,
  toAuditCheckpointView,
  AuditRecordConnection,
  AuditSigningKeyView,
  AuditTrailFilter,
  AuditVerificationView,
  toAuditRecordView,
} from "./audit.type";

const LIST = "auditTrail";

/** The tamper-evident audit trail (docs/audit.md): read and verified, never edited. */
@Resolver()
export class AuditResolver {
  @Query(() => AuditRecordConnection, {
    description: "The tenant's audit records, newest first, by account, playbook, user, kind and time.",
  })
  async auditTrail(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg("filter", () => AuditTrailFilter, { nullable: true }) filter?: AuditTrailFilter | null,
    @Arg("first", () => Int, { nullable: true }) first?: number | null,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<InstanceType<typeof AuditRecordConnection>> {
    const scope = { tenant: ctx.principal.tenant, list: LIST };
    const size = resolvePageSize(first, ctx.paging);
    const before = after ? Number(decodeCursor(after, scope, ctx.paging.cursorSecret, 1)[0]) : null;
    const page = await ctx.audit.trail(
      {
        ...(filter?.accountId ? { accountId: filter.accountId } : {}),
        ...(filter?.playbookId ? { playbookId: filter.playbookId } : {}),
        ...(filter?.userId ? { userId: filter.userId } : {}),
        ...(filter?.kind ? { kind: filter.kind } : {}),
        ...(filter?.from ? { from: filter.from.toISOString() } : {}),
        ...(filter?.to ? { to: filter.to.toISOString() } : {}),
      },
      size,
      before,
      selectsField(info, "totalCount"),
    );
    return toConnection(page, scope, ctx.paging.cursorSecret, toAuditRecordView) as never;
  }

  @Query(() => AuditVerificationView, {
    description:
      "Recomputes every hash and link of records from..to (default: the whole chain), and checks each signed " +
      "checkpoint among them against the published keys; reports the first broken link or bad signature.",
  })
  verifyAuditTrail(
    @Ctx() ctx: RequestContext,
    @Arg("from", () => Int, { nullable: true }) from?: number | null,
    @Arg("to", () => Int, { nullable: true }) to?: number | null,
  ): Promise<AuditVerificationView> {
    return ctx.audit.verify(from, to);
  }

  @Query(() => [AuditCheckpointView], {
    description:
      "The signed checkpoints of records from..to, in order, at most first (the page size cap); continue from " +
      "the last one's seq + 1. For verifying the trail outside Relata (docs/audit.md).",
  })
  async auditCheckpoints(
    @Ctx() ctx: RequestContext,
    @Arg("from", () => Int, { nullable: true }) from?: number | null,
    @Arg("to", () => Int, { nullable: true }) to?: number | null,
    @Arg("first", () => Int, { nullable: true }) first?: number | null,
  ): Promise<AuditCheckpointView[]> {
    const limit = resolvePageSize(first, ctx.paging);
    return (await ctx.audit.checkpoints(from, to, limit)).map(toAuditCheckpointView);
  }

  @Query(() => [AuditSigningKeyView], {
    description: "The public keys audit checkpoints are verified with (also at GET /v1/audit/public-key).",
  })
  auditSigningKeys(@Ctx() ctx: RequestContext): AuditSigningKeyView[] {
    return ctx.audit.signingKeys();
  }
}
