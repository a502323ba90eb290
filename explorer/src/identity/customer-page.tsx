import { useState } from "preact/hooks";
import { ExplorerError } from "../api/explorer-error";
import {
  ExplorerIdentityFieldsFragment,
  ExplorerResolvedCustomerDocument,
  ExplorerResolvedCustomerFieldsFragment,
  ExplorerSplitIdentityDocument,
} from "../api/generated/graphql";
import { runOperation } from "../api/graphql-client";
import { useT } from "../i18n/i18n";
import { MessageKey } from "../i18n/messages";
import { href } from "../routing/routes";
import { formatDay } from "../shared/format";
import { Link } from "../shared/link";
import { useSession } from "../shared/session-context";
import { Empty, ErrorMessage, Loading } from "../shared/status";
import { useLoad } from "../shared/use-operation";
import { canAnswerRequests, canReadConsents } from "../privacy/privacy.logic";
import { Evidence } from "./evidence";
import {
  canDecideIdentity,
  formatProbability,
  formatValue,
  formatWeight,
  identityLabel,
  keyAttributes,
} from "./identity.logic";

type Customer = ExplorerResolvedCustomerFieldsFragment;

/** A person's consents and data requests, for the roles the role matrix lets read them. */
function PersonRequestLinks(props: { person: string }) {
  const t = useT();
  const session = useSession();
  return (
    <>
      {canReadConsents(session.role) && (
        <>
          {" · "}
          <Link href={href({ page: "consents", person: props.person })}>{t("openConsents")}</Link>
        </>
      )}
      {canAnswerRequests(session.role) && (
        <>
          {" · "}
          <Link href={href({ page: "requests", person: props.person })}>{t("openRequests")}</Link>
        </>
      )}
    </>
  );
}

/** One resolved customer: its identities, the evidence of each link, its golden record with provenance. */
export function CustomerPage(props: { id: string }) {
  const t = useT();
  const [attempt, setAttempt] = useState(0);
  const data = useLoad(
    (token, signal) => runOperation(ExplorerResolvedCustomerDocument, { id: props.id }, token, signal),
    [props.id, attempt],
  );
  if (data.state === "loading") return <Loading />;
  if (data.state === "error") return <ErrorMessage error={data.error} retry={data.retry} />;
  const c = data.data.resolvedCustomer;
  return (
    <article aria-labelledby="customer-title" data-testid="customer">
      <p>
        {c.accountIds.map((id) => (
          <span key={id}>
            <Link href={href({ page: "account", id })}>{t("accountLink", { id })}</Link>{" "}
          </span>
        ))}
        <Link href={href({ page: "identity-review", entity: c.entity === "ORGANIZATION" ? "ORGANIZATION" : "PERSON" })}>
          {t("navIdentityReview")}
        </Link>
        {c.entity === "PERSON" && <PersonRequestLinks person={c.id} />}
      </p>
      <h1 id="customer-title">
        {t("customerTitle")} <span class="muted">{c.id}</span>
      </h1>
      <p class="hint">
        {c.kind} · {c.entity} · {t("modelVersion")} {c.modelVersion} ·{" "}
        <span data-testid="identity-count">{t("identitiesCount", { count: c.identities.length })}</span>
      </p>
      <Identities customer={c} onSplit={() => setAttempt((n) => n + 1)} />
      <GoldenRecord customer={c} />
      <Links customer={c} />
    </article>
  );
}

const ATTRIBUTE_KEYS: Record<string, MessageKey> = {
  name: "name",
  company: "company",
  domain: "domain",
  emails: "email",
  phones: "phone",
  dateOfBirth: "dateOfBirth",
  address: "address",
};

export function AttributeList(props: { identity: ExplorerIdentityFieldsFragment }) {
  const t = useT();
  return (
    <dl class="definition small-dl">
      {keyAttributes(props.identity.attributes).map(([name, value]) => (
        <>
          <dt key={`${name}-t`}>{ATTRIBUTE_KEYS[name] ? t(ATTRIBUTE_KEYS[name]) : name}</dt>
          <dd key={`${name}-d`}>{value}</dd>
        </>
      ))}
    </dl>
  );
}

function Identities(props: { customer: Customer; onSplit: () => void }) {
  const t = useT();
  const session = useSession();
  const mayDecide = canDecideIdentity(session.role);
  const c = props.customer;
  return (
    <section class="card" aria-labelledby="identities-title">
      <h2 id="identities-title">{t("identitiesTitle")}</h2>
      {c.identities.length === 0 ? (
        <Empty text={t("identitiesEmpty")} />
      ) : (
        <table class="grid" data-testid="identities">
          <caption class="visually-hidden">{t("identitiesTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("channel")}</th>
              <th scope="col">{t("externalId")}</th>
              <th scope="col">{t("attributes")}</th>
              <th scope="col">{t("observedAt")}</th>
              {mayDecide && <th scope="col">{t("split")}</th>}
            </tr>
          </thead>
          <tbody>
            {c.identities.map((identity) => (
              <tr key={identity.id} data-identity={identity.id}>
                <td>{identity.channel}</td>
                <td>
                  {identity.externalId}
                  {identity.recordId && identity.channel === "crm-account" && (
                    <div>
                      <Link href={href({ page: "account", id: identity.recordId })}>360</Link>
                    </div>
                  )}
                </td>
                <td>
                  <AttributeList identity={identity} />
                </td>
                <td>{formatDay(identity.observedAt)}</td>
                {mayDecide && (
                  <td>{c.identities.length > 1 && <SplitForm identity={identity} onDone={props.onSplit} />}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function SplitForm(props: { identity: ExplorerIdentityFieldsFragment; onDone: () => void }) {
  const t = useT();
  const session = useSession();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ExplorerError | null>(null);
  const id = `split-${props.identity.id}`;
  return (
    <form
      class="complete"
      data-testid="split-form"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        runOperation(
          ExplorerSplitIdentityDocument,
          { identityId: props.identity.id, reason: reason.trim() },
          session.token,
        ).then(
          () => props.onDone(),
          (failure: ExplorerError) => {
            setError(failure);
            setBusy(false);
          },
        );
      }}
    >
      <label for={id} class="visually-hidden">
        {t("splitReason", { identity: `${props.identity.channel} ${props.identity.externalId}` })}
      </label>
      <input
        id={id}
        required
        placeholder={t("reason")}
        value={reason}
        onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)}
      />
      <button type="submit" disabled={busy || reason.trim().length === 0}>
        {t("split")}
      </button>
      {error && <ErrorMessage error={error} />}
    </form>
  );
}

function GoldenRecord(props: { customer: Customer }) {
  const t = useT();
  const c = props.customer;
  return (
    <section class="card" aria-labelledby="golden-title">
      <h2 id="golden-title">{t("goldenRecord")}</h2>
      {c.goldenRecord.length === 0 ? (
        <Empty text={t("none")} />
      ) : (
        <table class="grid" data-testid="golden-record">
          <caption class="visually-hidden">{t("goldenRecord")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("field")}</th>
              <th scope="col">{t("value")}</th>
              <th scope="col">{t("source")}</th>
              <th scope="col">{t("survivorshipRule")}</th>
            </tr>
          </thead>
          <tbody>
            {c.goldenRecord.map((g) => (
              <tr key={g.field} data-field={g.field}>
                <th scope="row">{g.field}</th>
                <td>{formatValue(g.value)}</td>
                <td data-testid="provenance">{identityLabel(g.identityId, c.identities)}</td>
                <td>{g.rule}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Links(props: { customer: Customer }) {
  const t = useT();
  const c = props.customer;
  return (
    <section class="card" aria-labelledby="links-title">
      <h2 id="links-title">{t("linksTitle")}</h2>
      {c.links.length === 0 ? (
        <Empty text={t("linksEmpty")} />
      ) : (
        <ul class="plain" data-testid="links">
          {c.links.map((link) => {
            const label = `${identityLabel(link.a, c.identities)} ↔ ${identityLabel(link.b, c.identities)}`;
            return (
              <li key={`${link.a}-${link.b}`} class="link-evidence" data-testid="link">
                <h3>{label}</h3>
                <p>
                  <strong>{t("probability")}:</strong>{" "}
                  <span data-testid="probability">{formatProbability(link.probability)}</span> ·{" "}
                  <strong>{t("totalWeight")}:</strong> {formatWeight(link.totalWeight)} ·{" "}
                  <strong>{t("decidedBy")}:</strong> {link.decidedBy}
                  {link.rule && <> ({link.rule})</>} · <strong>{t("modelVersion")}:</strong> {link.modelVersion ?? "–"}
                  {link.actor && <> · {link.actor}</>} · {formatDay(link.at)}
                </p>
                <Evidence fields={link.fields} label={t("evidenceOf", { label })} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
