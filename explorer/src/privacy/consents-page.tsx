import { useState } from "preact/hooks";
import { ExplorerError } from "../api/explorer-error";
import { ConsentInput, ConsentsDocument, RecordConsentsDocument } from "../api/generated/graphql";
import { runOperation } from "../api/graphql-client";
import { useT } from "../i18n/i18n";
import { href } from "../routing/routes";
import { Link } from "../shared/link";
import { useSession } from "../shared/session-context";
import { Empty, ErrorMessage, Loading } from "../shared/status";
import { useLoad } from "../shared/use-operation";
import {
  canAnswerRequests,
  canReadConsents,
  canRecordConsents,
  CHANNELS,
  Consent,
  ConsentForm,
  grantInput,
  LEGAL_BASES,
  PURPOSES,
  versionState,
  withdrawalInput,
} from "./privacy.logic";

/** The links between a person's pages: their resolved customer, consents, requests. */
export function PersonLinks(props: { person: string }) {
  const t = useT();
  const session = useSession();
  return (
    <p>
      <Link href={href({ page: "customer", id: props.person })}>← {t("personCustomer")}</Link>
      {canReadConsents(session.role) && (
        <>
          {" · "}
          <Link href={href({ page: "consents", person: props.person })}>{t("consentsTitle")}</Link>
        </>
      )}
      {canAnswerRequests(session.role) && (
        <>
          {" · "}
          <Link href={href({ page: "requests", person: props.person })}>{t("requestsTitle")}</Link>
        </>
      )}
    </p>
  );
}

/** A person's consents with their history, and recording a change for the roles that may. */
export function ConsentsPage(props: { person: string }) {
  const t = useT();
  const session = useSession();
  const [version, setVersion] = useState(0);
  const readable = canReadConsents(session.role);
  const data = useLoad(
    (token, signal) =>
      readable
        ? runOperation(ConsentsDocument, { personId: props.person }, token, signal)
        : Promise.reject(new ExplorerError("FORBIDDEN", "")),
    [props.person, version],
  );
  const recorded = () => setVersion((n) => n + 1);
  return (
    <section aria-labelledby="consents-title">
      <PersonLinks person={props.person} />
      <h1 id="consents-title">
        {t("consentsTitle")} <span class="muted">{props.person}</span>
      </h1>
      {data.state === "loading" && <Loading />}
      {data.state === "error" && <ErrorMessage error={data.error} retry={data.retry} />}
      {data.state === "done" && (
        <>
          {data.data.consents.erased && <p class="hint">{t("personErased")}</p>}
          {data.data.consents.consents.length === 0 ? (
            <Empty text={t("consentsEmpty")} />
          ) : (
            data.data.consents.consents.map((consent) => (
              <ConsentCard key={consent.id} consent={consent} onRecorded={recorded} />
            ))
          )}
          {canRecordConsents(session.role) && !data.data.consents.erased && (
            <GrantForm person={props.person} onRecorded={recorded} />
          )}
        </>
      )}
    </section>
  );
}

function ConsentCard(props: { consent: Consent; onRecorded: () => void }) {
  const t = useT();
  const c = props.consent;
  const now = Date.now();
  return (
    <section class="card" aria-labelledby={`consent-${c.id}`} data-testid="consent" data-purpose={c.purpose}>
      <h2 id={`consent-${c.id}`}>
        {c.purpose}{" "}
        <span class={c.validNow ? "ok" : "bad"} data-testid="consent-valid">
          {c.validNow ? t("consentValid") : t("consentNotValid")}
        </span>
      </h2>
      <p class="hint">
        {c.sourceSystem} · {c.externalId} · {t("consentVersion", { version: c.version })}
      </p>
      <table class="grid" data-testid="consent-history">
        <caption>{t("consentHistory")}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t("consentRecordedAt")}</th>
            <th scope="col">{t("actor")}</th>
            <th scope="col">{t("consentPurpose")}</th>
            <th scope="col">{t("consentLegalBasis")}</th>
            <th scope="col">{t("consentChannel")}</th>
            <th scope="col">{t("consentEvidence")}</th>
            <th scope="col">{t("consentGrantedAt")}</th>
            <th scope="col">{t("consentWithdrawnAt")}</th>
            <th scope="col">{t("taskStatus")}</th>
          </tr>
        </thead>
        <tbody>
          {c.history.map((v) => (
            <tr key={v.version}>
              <td>{v.version}</td>
              <td>{v.recordedAt.replace("T", " ").slice(0, 19)}</td>
              <td>{v.actor}</td>
              <td>{v.purpose}</td>
              <td>{v.legalBasis}</td>
              <td>{v.channel}</td>
              <td>
                <Evidence text={v.evidenceText} url={v.evidenceUrl} />
              </td>
              <td>{v.grantedAt.slice(0, 10)}</td>
              <td>{v.withdrawnAt ? v.withdrawnAt.slice(0, 10) : "–"}</td>
              <td>{t(`consentState_${versionState(v, now)}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <WithdrawButton consent={c} onRecorded={props.onRecorded} />
    </section>
  );
}

function Evidence(props: { text?: string | null; url?: string | null }) {
  if (!props.text && !props.url) return <>–</>;
  return (
    <>
      {props.text}
      {props.text && props.url && " · "}
      {props.url && <code class="small">{props.url}</code>}
    </>
  );
}

/** Sends one recordConsents request; resolves with its rejection reasons (empty when it was recorded). */
function useRecord(onRecorded: () => void) {
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ExplorerError | null>(null);
  const record = (input: ConsentInput) => {
    setBusy(true);
    setError(null);
    runOperation(RecordConsentsDocument, { input: [input] }, session.token).then(
      (data) => {
        setBusy(false);
        const rejection = data.recordConsents.rejections[0];
        if (rejection) setError(new ExplorerError("FAILED", rejection.reason));
        else onRecorded();
      },
      (failure: ExplorerError) => {
        setBusy(false);
        setError(failure);
      },
    );
  };
  return { busy, error, record };
}

function WithdrawButton(props: { consent: Consent; onRecorded: () => void }) {
  const t = useT();
  const session = useSession();
  const { busy, error, record } = useRecord(props.onRecorded);
  if (!canRecordConsents(session.role) || props.consent.withdrawnAt || props.consent.erased) return null;
  return (
    <div>
      <button
        type="button"
        class="danger"
        disabled={busy}
        onClick={() => record(withdrawalInput(props.consent, new Date().toISOString()))}
      >
        {t("consentWithdraw", { purpose: props.consent.purpose })}
      </button>
      {error && <ErrorMessage error={error} />}
    </div>
  );
}

function GrantForm(props: { person: string; onRecorded: () => void }) {
  const t = useT();
  const { busy, error, record } = useRecord(props.onRecorded);
  const [form, setForm] = useState<ConsentForm>({
    purpose: "MARKETING",
    legalBasis: "CONSENT",
    channel: "WEB_FORM",
    sourceSystem: "explorer",
    externalId: "",
    evidenceText: "",
    evidenceUrl: "",
  });
  const set =
    <K extends keyof ConsentForm>(key: K) =>
    (event: Event) =>
      setForm({ ...form, [key]: (event.currentTarget as HTMLInputElement | HTMLSelectElement).value });
  const choice = <K extends "purpose" | "legalBasis" | "channel">(
    key: K,
    label: string,
    values: readonly ConsentForm[K][],
  ) => (
    <label>
      {label}
      <select value={form[key]} onChange={set(key)}>
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
  const text = (key: "sourceSystem" | "externalId" | "evidenceText" | "evidenceUrl", label: string) => (
    <label>
      {label}
      <input value={form[key]} onInput={set(key)} required={key === "sourceSystem" || key === "externalId"} />
    </label>
  );
  return (
    <form
      class="card stack"
      aria-labelledby="grant-title"
      data-testid="grant-form"
      onSubmit={(event) => {
        event.preventDefault();
        record(grantInput(props.person, form, new Date().toISOString()));
      }}
    >
      <h2 id="grant-title">{t("consentRecord")}</h2>
      {choice("purpose", t("consentPurpose"), PURPOSES)}
      {choice("legalBasis", t("consentLegalBasis"), LEGAL_BASES)}
      {choice("channel", t("consentChannel"), CHANNELS)}
      {text("sourceSystem", t("consentSourceSystem"))}
      {text("externalId", t("consentExternalId"))}
      {text("evidenceText", t("consentEvidenceText"))}
      {text("evidenceUrl", t("consentEvidenceUrl"))}
      <button type="submit" disabled={busy || !form.externalId.trim() || !form.sourceSystem.trim()}>
        {t("consentGrant")}
      </button>
      {error && <ErrorMessage error={error} />}
    </form>
  );
}
