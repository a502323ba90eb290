import { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, ID, Info, Int, Mutation, Query, Resolver } from "type-graphql";
import { DataCategory, DataPurpose } from "../../domain/contracts/contract-terms";
import { decodeCursor } from "../../domain/pagination/cursor";
import { resolvePageSize } from "../../domain/pagination/page-size";
import { toConnection } from "../common/connection";
import { selectsField } from "../common/selection";
import { RequestContext } from "../context";
import { DataCategoryEnum, DataPurposeEnum, plainContractInput, ValueContractInput } from "./value-contract.input";
import {
  ContractLedgerEntryView,
  ContractProcessingDecisionView,
  toDecisionView,
  ContractLedgerVerificationView,
  ContractStatementView,
  ContractUsageRecordView,
  toLedgerEntryView,
  toStatementView,
  toValueContractView,
  toVerificationView,
  ValueContractConnection,
  ValueContractView,
} from "./value-contract.type";

const LIST = "valueContracts";

/** Bidirectional value contracts (issue 15, docs/value-contracts.md): adapters over ValueContractService. */
@Resolver()
export class ValueContractResolver {
  @Mutation(() => ValueContractView, {
    description:
      "Defines a value contract with a customer account and records its GRANT on a new ledger. Contracts are " +
      "immutable: for new terms define a new contract and revoke the old one. INVALID_CONTRACT lists every " +
      "problem with its field path in extensions.problems.",
  })
  async defineValueContract(
    @Ctx() ctx: RequestContext,
    @Arg("input", () => ValueContractInput) input: ValueContractInput,
  ): Promise<ValueContractView> {
    return toValueContractView(await ctx.contracts.define(plainContractInput(input)));
  }

  @Mutation(() => ValueContractView, {
    description: "Revokes a contract now (REVOKE entry): no processing under it is allowed from this moment.",
  })
  async revokeValueContract(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("reason") reason: string,
  ): Promise<ValueContractView> {
    return toValueContractView(await ctx.contracts.revoke(id, reason));
  }

  @Mutation(() => ContractUsageRecordView, {
    description:
      "Records units of the customer's data used in a month (USE_SUMMARY entry). Refused with " +
      "PROCESSING_NOT_GRANTED outside the grant and CONTRACT_REVOKED after a revocation: then do not process.",
  })
  async recordContractUsage(
    @Ctx() ctx: RequestContext,
    @Arg("contractId", () => ID) contractId: string,
    @Arg("period", { description: "The month, YYYY-MM (UTC)." }) period: string,
    @Arg("category", () => DataCategoryEnum) category: DataCategory,
    @Arg("purpose", () => DataPurposeEnum) purpose: DataPurpose,
    @Arg("anonymised") anonymised: boolean,
    @Arg("units", () => Int, { description: "Units used (records, events, files): 1 or more." }) units: number,
  ): Promise<ContractUsageRecordView> {
    const recorded = await ctx.contracts.recordUsage({ contractId, period, category, purpose, anonymised, units });
    return { contract: toValueContractView(recorded.contract), entry: toLedgerEntryView(recorded.entry) };
  }

  @Mutation(() => ContractStatementView, {
    description:
      "Computes the month's benefit from the usage recorded, records it (BENEFIT entry) and returns the statement " +
      "signed with Ed25519, for the customer to verify with the published key (docs/value-contracts.md).",
  })
  async contractStatement(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("period", { description: "The month, YYYY-MM (UTC)." }) period: string,
  ): Promise<ContractStatementView> {
    return toStatementView(await ctx.contracts.statement(id, period));
  }

  @Query(() => ValueContractConnection, { description: "The tenant's value contracts, newest first." })
  async valueContracts(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg("accountId", () => ID, { nullable: true }) accountId?: string | null,
    @Arg("first", () => Int, { nullable: true }) first?: number | null,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<InstanceType<typeof ValueContractConnection>> {
    const scope = { tenant: ctx.principal.tenant, list: LIST };
    const size = resolvePageSize(first, ctx.paging);
    const key = after ? decodeCursor(after, scope, ctx.paging.cursorSecret, 2) : null;
    const page = await ctx.contracts.list(
      accountId ?? null,
      size,
      key === null ? null : { createdAt: String(key[0]), id: String(key[1]) },
      selectsField(info, "totalCount"),
    );
    return toConnection(page, scope, ctx.paging.cursorSecret, toValueContractView) as never;
  }

  @Query(() => ValueContractView, { description: "One contract; NOT_FOUND when your tenant has none by this id." })
  async valueContract(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<ValueContractView> {
    return toValueContractView(await ctx.contracts.get(id));
  }

  @Query(() => [ContractLedgerEntryView], {
    description: "A contract's ledger entries numbered after afterSeq, in order, at most first.",
  })
  async valueContractLedger(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("first", () => Int, { nullable: true }) first?: number | null,
    @Arg("afterSeq", () => Int, { nullable: true }) afterSeq?: number | null,
  ): Promise<ContractLedgerEntryView[]> {
    const entries = await ctx.contracts.ledger(id, resolvePageSize(first, ctx.paging), afterSeq ?? null);
    return entries.map(toLedgerEntryView);
  }

  @Query(() => ContractProcessingDecisionView, {
    description:
      "Whether the contract allows this use of the customer's data now, without recording it: check before " +
      "processing; recordContractUsage checks again when it records.",
  })
  async contractProcessingAllowed(
    @Ctx() ctx: RequestContext,
    @Arg("contractId", () => ID) contractId: string,
    @Arg("category", () => DataCategoryEnum) category: DataCategory,
    @Arg("purpose", () => DataPurposeEnum) purpose: DataPurpose,
    @Arg("anonymised") anonymised: boolean,
  ): Promise<ContractProcessingDecisionView> {
    return toDecisionView(await ctx.contracts.allows(contractId, { category, purpose, anonymised }));
  }

  @Query(() => ContractLedgerVerificationView, {
    description:
      "Recomputes every hash and link of the contract's ledger and checks it against the contract's terms, head " +
      "and revocation; reports the first tampered, removed or reordered entry.",
  })
  async verifyContractLedger(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
  ): Promise<ContractLedgerVerificationView> {
    return toVerificationView(await ctx.contracts.verify(id));
  }
}
