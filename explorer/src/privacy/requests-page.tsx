import { useEffect, useState } from "preact/hooks";
import { ExplorerError } from "../api/explorer-error";
import { ErasePersonDocument, ErasePersonMutation, ExportPersonDataDocument } from "../api/generated/graphql";
import { runOperation } from "../api/graphql-client";
import { useT } from "../i18n/i18n";
import { useSession } from "../shared/session-context";
import { ErrorMessage } from "../shared/status";
import { PersonLinks } from "./consents-page";
import { canAnswerRequests, erasedCounts, exportFileName } from "./privacy.logic";

type Step<T> = { s: "idle" } | { s: "busy" } | { s: "done"; value: T } | { s: "error"; error: ExplorerError };

/** A person's access request (the export as JSON) and erasure request (confirmed first), admins only. */
export function RequestsPage(props: { person: string }) {
  const t = useT();
  const session = useSession();
  // After an erasure the export shown before it (the person's values) is dropped from the page.
  const [erased, setErased] = useState(false);
  return (
    <section aria-labelledby="requests-title">
      <PersonLinks person={props.person} />
      <h1 id="requests-title">
        {t("requestsTitle")} <span class="muted">{props.person}</span>
      </h1>
      {canAnswerRequests(session.role) ? (
        <>
          <ExportRequest key={`export-${props.person}-${erased}`} person={props.person} />
          <ErasureRequest key={`erase-${props.person}`} person={props.person} onErased={() => setErased(true)} />
        </>
      ) : (
        <ErrorMessage error={new ExplorerError("FORBIDDEN", "")} />
      )}
    </section>
  );
}

function ExportRequest(props: { person: string }) {
  const t = useT();
  const session = useSession();
  const [step, setStep] = useState<Step<unknown>>({ s: "idle" });
  const [download, setDownload] = useState<string | null>(null);
  useEffect(() => () => void (download && URL.revokeObjectURL(download)), [download]);
  const run = () => {
    setStep({ s: "busy" });
    runOperation(ExportPersonDataDocument, { personId: props.person }, session.token).then(
      (data) => {
        const text = JSON.stringify(data.exportPersonData.document, null, 2);
        setDownload(URL.createObjectURL(new Blob([text], { type: "application/json" })));
        setStep({ s: "done", value: data.exportPersonData.document });
      },
      (error: ExplorerError) => setStep({ s: "error", error }),
    );
  };
  return (
    <section class="card" aria-labelledby="export-title" data-testid="export">
      <h2 id="export-title">{t("exportTitle")}</h2>
      <p class="hint">{t("exportHint")}</p>
      <button type="button" onClick={run} disabled={step.s === "busy"}>
        {t("exportRun")}
      </button>
      {step.s === "error" && <ErrorMessage error={step.error} />}
      {step.s === "done" && (
        <>
          {download && (
            <p>
              <a href={download} download={exportFileName(props.person)}>
                {t("exportDownload", { file: exportFileName(props.person) })}
              </a>
            </p>
          )}
          <details open>
            <summary>{t("exportDocument")}</summary>
            <pre class="json" data-testid="export-json">
              {JSON.stringify(step.value, null, 2)}
            </pre>
          </details>
        </>
      )}
    </section>
  );
}

type Erasure = ErasePersonMutation["erasePerson"];

/**
 * Erasure in three steps: the reason; a confirmation that repeats what will be erased (a dry run of the
 * erasure: exactly what it would change now, nothing changed) and that it cannot be undone; the API's answer.
 */
function ErasureRequest(props: { person: string; onErased: () => void }) {
  const t = useT();
  const session = useSession();
  const [reason, setReason] = useState("");
  const [preview, setPreview] = useState<Step<Array<[string, number]>>>({ s: "idle" });
  const [answer, setAnswer] = useState<Step<Erasure>>({ s: "idle" });
  const review = () => {
    setPreview({ s: "busy" });
    runOperation(
      ErasePersonDocument,
      { personId: props.person, reason: reason.trim(), dryRun: true },
      session.token,
    ).then(
      (data) => setPreview({ s: "done", value: erasedCounts(data.erasePerson.erasedNow) }),
      (error: ExplorerError) => setPreview({ s: "error", error }),
    );
  };
  const erase = () => {
    setAnswer({ s: "busy" });
    runOperation(ErasePersonDocument, { personId: props.person, reason: reason.trim() }, session.token).then(
      (data) => {
        setAnswer({ s: "done", value: data.erasePerson });
        props.onErased();
      },
      (error: ExplorerError) => setAnswer({ s: "error", error }),
    );
  };
  if (answer.s === "done") return <ErasureAnswer answer={answer.value} />;
  return (
    <section class="card" aria-labelledby="erase-title" data-testid="erasure">
      <h2 id="erase-title">{t("eraseTitle")}</h2>
      {preview.s !== "done" ? (
        <form
          class="complete"
          onSubmit={(event) => {
            event.preventDefault();
            review();
          }}
        >
          <label for="erase-reason">{t("eraseReason")}</label>
          <input
            id="erase-reason"
            required
            maxLength={1000}
            value={reason}
            onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class="danger" disabled={preview.s === "busy" || reason.trim().length === 0}>
            {t("eraseReview")}
          </button>
          {preview.s === "error" && <ErrorMessage error={preview.error} />}
        </form>
      ) : (
        <div role="alertdialog" aria-labelledby="erase-confirm-title" data-testid="erase-confirm">
          <h3 id="erase-confirm-title">{t("eraseConfirmTitle", { person: props.person })}</h3>
          <p>{t("eraseConfirmIntro")}</p>
          <ul data-testid="erase-preview">
            {preview.value.map(([name, count]) => (
              <li key={name}>
                {name}: {count}
              </li>
            ))}
          </ul>
          <p>
            {t("eraseConfirmReason")} <q>{reason.trim()}</q>
          </p>
          <p class="bad">{t("eraseConfirmFinal")}</p>
          <button type="button" class="danger" onClick={erase} disabled={answer.s === "busy"}>
            {t("eraseConfirm")}
          </button>{" "}
          <button type="button" onClick={() => setPreview({ s: "idle" })} disabled={answer.s === "busy"}>
            {t("cancel")}
          </button>
          {answer.s === "error" && <ErrorMessage error={answer.error} />}
        </div>
      )}
    </section>
  );
}

function ErasureAnswer(props: { answer: Erasure }) {
  const t = useT();
  const a = props.answer;
  return (
    <section class="card" aria-labelledby="erased-title" data-testid="erasure-answer" role="status">
      <h2 id="erased-title">{t("erasedTitle", { at: a.erasedAt.replace("T", " ").slice(0, 19) })}</h2>
      <p class="hint">
        {t("erasedRequest")} <code>{a.requestId}</code> · {a.reason}
      </p>
      <h3>{t("erasedNow")}</h3>
      <ul data-testid="erased-now">
        {erasedCounts(a.erasedNow).map(([name, count]) => (
          <li key={name}>
            {name}: {count}
          </li>
        ))}
      </ul>
      <h3>{t("erasedAgesOut")}</h3>
      <ul data-testid="ages-out">
        {a.agesOut.map((copy) => (
          <li key={copy.store}>
            <strong>{copy.store}</strong>:{" "}
            {copy.until ? copy.until.replace("T", " ").slice(0, 16) : t("erasedOperator")}
            {" — "}
            {copy.note}
          </li>
        ))}
      </ul>
      <h3>{t("erasedWebhookCopies")}</h3>
      {a.webhookCopies.length === 0 ? (
        <p data-testid="webhook-copies">{t("erasedNoCopies")}</p>
      ) : (
        <ul data-testid="webhook-copies">
          {a.webhookCopies.map((copy) => (
            <li key={copy.deliveryId}>
              <code class="small">{copy.url}</code> · {copy.status} · {copy.deliveredAt ?? copy.createdAt} ·{" "}
              {copy.events.join(", ")}
            </li>
          ))}
        </ul>
      )}
      <h3>{t("erasedKept")}</h3>
      <ul>
        {a.kept.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
