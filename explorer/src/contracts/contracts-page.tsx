import { useState } from "preact/hooks";
import { ExplorerError } from "../api/explorer-error";
import {
  ExplorerContractDocument,
  ExplorerContractFieldsFragment,
  ExplorerContractQuery,
  ExplorerContractsDocument,
  ExplorerRevokeContractDocument,
  ExplorerVerifyContractLedgerDocument,
  ExplorerVerifyContractLedgerQuery,
} from "../api/generated/graphql";
import { runOperation } from "../api/graphql-client";
import { useT } from "../i18n/i18n";
import { href } from "../routing/routes";
import { formatDay } from "../shared/format";
import { Link } from "../shared/link";
import { useSession } from "../shared/session-context";
import { Empty, ErrorMessage, Loading } from "../shared/status";
import { useLoad } from "../shared/use-operation";
import {
  benefitOf,
  canReadContracts,
  canRevokeContract,
  describeFormula,
  readPayload,
  statementsOf,
  unitsOf,
} from "./contracts.logic";

const LEDGER_PAGE = 200;

/** An account's value contracts (or the tenant's), and one contract's terms, ledger, statements. */
export function ContractsPage(props: { account: string | null; id: string | null }) {
  const t = useT();
  const session = useSession();
  if (!canReadContracts(session.role)) {
    return (
      <section aria-labelledby="contracts-title">
        <h1 id="contracts-title">{t("contractsTitle")}</h1>
        <ErrorMessage error={new ExplorerError("FORBIDDEN", "")} />
      </section>
    );
  }
  return (
    <section aria-labelledby="contracts-title">
      <h1 id="contracts-title">{t("contractsTitle")}</h1>
      {props.account && (
        <p>
          <Link href={href({ page: "account", id: props.account })}>← {t("backToAccount")}</Link>
        </p>
      )}
      {props.id === null ? <ContractList account={props.account} /> : <ContractDetail key={props.id} id={props.id} />}
    </section>
  );
}

function ContractList(props: { account: string | null }) {
  const t = useT();
  const list = useLoad(
    (token, signal) => runOperation(ExplorerContractsDocument, { accountId: props.account, first: 100 }, token, signal),
    [props.account],
  );
  if (list.state === "loading") return <Loading />;
  if (list.state === "error") return <ErrorMessage error={list.error} retry={list.retry} />;
  const contracts = list.data.valueContracts.edges.map((e) => e.node);
  if (contracts.length === 0) return <Empty text={t("contractsEmpty")} />;
  return (
    <table class="grid" data-testid="contracts">
      <caption class="visually-hidden">{t("contractsTitle")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("contractTitle")}</th>
          <th scope="col">{t("taskStatus")}</th>
          <th scope="col">{t("account")}</th>
          <th scope="col">{t("benefit")}</th>
          <th scope="col">{t("ledgerEntries")}</th>
          <th scope="col">{t("createdAt")}</th>
        </tr>
      </thead>
      <tbody>
        {contracts.map((c) => (
          <tr key={c.id}>
            <td>
              <Link href={href({ page: "contracts", account: c.accountId, id: c.id })}>{c.title}</Link>
            </td>
            <td>{c.status}</td>
            <td>
              <Link href={href({ page: "account", id: c.accountId })}>{c.accountId}</Link>
            </td>
            <td>
              {c.benefit.kind} · {describeFormula(c.benefit.formula)}
            </td>
            <td>{c.ledgerSeq}</td>
            <td>{formatDay(c.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Ledger = ExplorerContractQuery["valueContractLedger"];

function ContractDetail(props: { id: string }) {
  const t = useT();
  // Bumped after a revocation: the contract and its ledger (now with the REVOKE entry) are read again.
  const [version, setVersion] = useState(0);
  const data = useLoad(
    (token, signal) => runOperation(ExplorerContractDocument, { id: props.id, first: LEDGER_PAGE }, token, signal),
    [props.id, version],
  );
  if (data.state === "loading") return <Loading />;
  if (data.state === "error") return <ErrorMessage error={data.error} retry={data.retry} />;
  const contract = data.data.valueContract;
  const ledger = data.data.valueContractLedger;
  return (
    <article aria-labelledby="contract-title" data-testid="contract">
      <p>
        <Link href={href({ page: "contracts", account: contract.accountId, id: null })}>
          ← {t("contractsOfAccount")}
        </Link>
      </p>
      <h2 id="contract-title">
        {contract.title}{" "}
        <span class="muted" data-testid="contract-status">
          {contract.status}
        </span>
      </h2>
      <div class="columns">
        <Terms contract={contract} />
        <section class="card" aria-labelledby="verify-title">
          <h3 id="verify-title">{t("verifyLedgerTitle")}</h3>
          <VerifyLedger id={contract.id} />
          <RevokeForm contract={contract} onRevoked={() => setVersion((n) => n + 1)} />
        </section>
      </div>
      <Statements ledger={ledger} />
      <LedgerTable ledger={ledger} />
    </article>
  );
}

function Terms(props: { contract: ExplorerContractFieldsFragment }) {
  const t = useT();
  const c = props.contract;
  return (
    <section class="card" aria-labelledby="terms-title" data-testid="contract-terms">
      <h3 id="terms-title">{t("contractTerms")}</h3>
      <dl class="definition">
        <dt>{t("account")}</dt>
        <dd>
          <Link href={href({ page: "account", id: c.accountId })}>{c.accountId}</Link>
        </dd>
        <dt>{t("grantCategories")}</dt>
        <dd>{c.grant.categories.join(", ")}</dd>
        <dt>{t("grantPurposes")}</dt>
        <dd>{c.grant.purposes.join(", ")}</dd>
        <dt>{t("anonymisedOnly")}</dt>
        <dd>{c.grant.anonymisedOnly ? t("yes") : t("no")}</dd>
        <dt>{t("validity")}</dt>
        <dd>
          {formatDay(c.grant.startsAt)} – {c.grant.endsAt ? formatDay(c.grant.endsAt) : "…"}
        </dd>
        <dt>{t("benefit")}</dt>
        <dd>
          {c.benefit.kind} · {describeFormula(c.benefit.formula)} ({c.period})
        </dd>
        <dt>{t("createdAt")}</dt>
        <dd>
          {formatDay(c.createdAt)} · {c.createdBy}
        </dd>
        {c.revokedAt && (
          <>
            <dt>{t("revokedAt")}</dt>
            <dd data-testid="revoked">
              {formatDay(c.revokedAt)} · {c.revokedReason}
            </dd>
          </>
        )}
        <dt>{t("definitionHash")}</dt>
        <dd>
          <code class="small">{c.definitionHash}</code>
        </dd>
        <dt>{t("ledgerHead")}</dt>
        <dd>
          #{c.ledgerSeq} <code class="small">{c.ledgerHash.slice(0, 16)}…</code>
        </dd>
      </dl>
    </section>
  );
}

type Verification = ExplorerVerifyContractLedgerQuery["verifyContractLedger"];

function VerifyLedger(props: { id: string }) {
  const t = useT();
  const session = useSession();
  const [state, setState] = useState<
    { s: "idle" } | { s: "busy" } | { s: "done"; result: Verification } | { s: "error"; error: ExplorerError }
  >({ s: "idle" });
  const verify = () => {
    setState({ s: "busy" });
    runOperation(ExplorerVerifyContractLedgerDocument, { id: props.id }, session.token).then(
      (data) => setState({ s: "done", result: data.verifyContractLedger }),
      (error: ExplorerError) => setState({ s: "error", error }),
    );
  };
  return (
    <div>
      <button type="button" onClick={verify} disabled={state.s === "busy"}>
        {t("verifyLedger")}
      </button>
      <div role="status" aria-live="polite" data-testid="verify-result">
        {state.s === "busy" && t("loading")}
        {state.s === "done" &&
          (state.result.ok ? (
            <p class="ok">{t("ledgerOk", { count: state.result.checkedEntries, head: state.result.headSeq })}</p>
          ) : (
            <p class="bad">
              {t("ledgerBad", {
                seq: state.result.firstProblem?.seq ?? "–",
                kind: state.result.firstProblem?.kind ?? "–",
              })}{" "}
              {state.result.firstProblem?.message}
            </p>
          ))}
      </div>
      {state.s === "error" && <ErrorMessage error={state.error} />}
    </div>
  );
}

function RevokeForm(props: { contract: ExplorerContractFieldsFragment; onRevoked: () => void }) {
  const t = useT();
  const session = useSession();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ExplorerError | null>(null);
  // The role matrix: only admins revoke; the control is not offered to anyone else.
  if (!canRevokeContract(session.role) || props.contract.status !== "ACTIVE") return null;
  const submit = () => {
    setBusy(true);
    setError(null);
    runOperation(ExplorerRevokeContractDocument, { id: props.contract.id, reason: reason.trim() }, session.token).then(
      () => props.onRevoked(),
      (failure: ExplorerError) => {
        setError(failure);
        setBusy(false);
      },
    );
  };
  return (
    <form
      class="complete"
      data-testid="revoke-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3>{t("revokeContract")}</h3>
      <label for="revoke-reason" class="visually-hidden">
        {t("reason")}
      </label>
      <input
        id="revoke-reason"
        required
        placeholder={t("reason")}
        value={reason}
        onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)}
      />
      <button type="submit" class="danger" disabled={busy || reason.trim().length === 0}>
        {t("revoke")}
      </button>
      {error && <ErrorMessage error={error} />}
    </form>
  );
}

function Statements(props: { ledger: Ledger }) {
  const t = useT();
  const statements = statementsOf(props.ledger);
  return (
    <section class="card" aria-labelledby="statements-title" data-testid="statements">
      <h3 id="statements-title">{t("statementsTitle")}</h3>
      {statements.length === 0 ? (
        <Empty text={t("statementsEmpty")} />
      ) : (
        <ul class="plain">
          {statements.map((entry) => {
            const payload = readPayload(entry.payloadText);
            return (
              <li key={entry.seq}>
                <strong>{entry.period}</strong> · {benefitOf(payload) ?? "–"} ·{" "}
                {t("units", { count: unitsOf(payload) ?? "–" })} <span class="muted">#{entry.seq}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function LedgerTable(props: { ledger: Ledger }) {
  const t = useT();
  return (
    <section class="card" aria-labelledby="ledger-title">
      <h3 id="ledger-title">{t("ledgerTitle")}</h3>
      <table class="grid" data-testid="ledger">
        <caption class="visually-hidden">{t("ledgerTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t("kind")}</th>
            <th scope="col">{t("eventAt")}</th>
            <th scope="col">{t("period")}</th>
            <th scope="col">{t("actor")}</th>
            <th scope="col">{t("hash")}</th>
            <th scope="col">{t("payload")}</th>
          </tr>
        </thead>
        <tbody>
          {props.ledger.map((entry) => (
            <tr key={entry.seq}>
              <td>{entry.seq}</td>
              <td>{entry.kind}</td>
              <td>{entry.at.replace("T", " ").slice(0, 19)}</td>
              <td>{entry.period ?? "–"}</td>
              <td>{entry.actor}</td>
              <td>
                <code class="small" title={`prev ${entry.prevHash}`}>
                  {entry.hash.slice(0, 12)}…
                </code>
              </td>
              <td>
                <details>
                  <summary>{t("payload")}</summary>
                  <pre class="json">{JSON.stringify(readPayload(entry.payloadText), null, 2)}</pre>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
