import { useState } from "preact/hooks";
import { ExplorerError } from "../api/explorer-error";
import {
  ExplorerDecideIdentityPairDocument,
  ExplorerIdentityFieldsFragment,
  ExplorerIdentityReviewQueueDocument,
  ExplorerIdentityReviewQueueQuery,
} from "../api/generated/graphql";
import { runOperation } from "../api/graphql-client";
import { useT } from "../i18n/i18n";
import { href } from "../routing/routes";
import { Link } from "../shared/link";
import { useSession } from "../shared/session-context";
import { Empty, ErrorMessage, Loading } from "../shared/status";
import { useLoad } from "../shared/use-operation";
import { AttributeList } from "./customer-page";
import { Evidence } from "./evidence";
import {
  canDecideIdentity,
  formatProbability,
  formatWeight,
  IDENTITY_ENTITIES,
  IdentityEntityChoice,
} from "./identity.logic";

type Pair = ExplorerIdentityReviewQueueQuery["identityReviewQueue"]["pairs"][number];

const PAGE = 25;

/** The pairs the model is unsure about, most probable first; an analyst decides SAME or DIFFERENT. */
export function ReviewPage(props: { entity: IdentityEntityChoice }) {
  const t = useT();
  const queue = useLoad(
    (token, signal) =>
      runOperation(ExplorerIdentityReviewQueueDocument, { entity: props.entity, first: PAGE }, token, signal),
    [props.entity],
  );
  return (
    <section aria-labelledby="review-title" data-testid="identity-review">
      <h1 id="review-title">{t("reviewTitle")}</h1>
      <nav class="tabs" aria-label={t("entity")}>
        {IDENTITY_ENTITIES.map((entity) => (
          <Link
            key={entity}
            href={href({ page: "identity-review", entity })}
            class={entity === props.entity ? "active" : undefined}
          >
            {entity === "PERSON" ? t("people") : t("organizations")}
          </Link>
        ))}
      </nav>
      {queue.state === "loading" && <Loading />}
      {queue.state === "error" && <ErrorMessage error={queue.error} retry={queue.retry} />}
      {queue.state === "done" &&
        (queue.data.identityReviewQueue.pairs.length === 0 ? (
          <Empty text={t("reviewEmpty")} />
        ) : (
          <ul class="plain" data-testid="review-pairs">
            {queue.data.identityReviewQueue.pairs.map((pair) => (
              <ReviewPair key={`${pair.aId}-${pair.bId}`} pair={pair} />
            ))}
          </ul>
        ))}
    </section>
  );
}

function Side(props: { identity: ExplorerIdentityFieldsFragment | null | undefined; id: string }) {
  const t = useT();
  const i = props.identity;
  return (
    <div class="card side">
      {i ? (
        <>
          <h3>
            {i.channel} · {i.externalId}
          </h3>
          <AttributeList identity={i} />
          {i.resolvedCustomerId && (
            <Link href={href({ page: "customer", id: i.resolvedCustomerId })}>{t("openCustomer")}</Link>
          )}
        </>
      ) : (
        <p class="muted">{props.id}</p>
      )}
    </div>
  );
}

function ReviewPair(props: { pair: Pair }) {
  const t = useT();
  const session = useSession();
  const [reason, setReason] = useState("");
  const [state, setState] = useState<{ busy: boolean; done: string | null; error: ExplorerError | null }>({
    busy: false,
    done: null,
    error: null,
  });
  const p = props.pair;
  const label = `${p.a?.channel ?? p.aId} ↔ ${p.b?.channel ?? p.bId}`;
  const decide = (decision: "SAME" | "DIFFERENT") => {
    setState({ busy: true, done: null, error: null });
    runOperation(
      ExplorerDecideIdentityPairDocument,
      { a: p.aId, b: p.bId, decision, reason: reason.trim() },
      session.token,
    ).then(
      () =>
        setState({ busy: false, done: decision === "SAME" ? t("decidedSame") : t("decidedDifferent"), error: null }),
      (error: ExplorerError) => setState({ busy: false, done: null, error }),
    );
  };
  const reasonId = `reason-${p.aId}-${p.bId}`;
  return (
    <li class="review-pair" data-testid="review-pair">
      <p>
        <strong>{t("probability")}:</strong> {formatProbability(p.probability)} · <strong>{t("totalWeight")}:</strong>{" "}
        {formatWeight(p.totalWeight)} · <strong>{t("modelVersion")}:</strong> {p.modelVersion ?? "–"}
      </p>
      <div class="columns">
        <Side identity={p.a} id={p.aId} />
        <Side identity={p.b} id={p.bId} />
      </div>
      <Evidence fields={p.fields} label={t("evidenceOf", { label })} />
      {state.done ? (
        <p role="status">{state.done}</p>
      ) : (
        canDecideIdentity(session.role) && (
          <form class="complete" onSubmit={(event) => event.preventDefault()}>
            <label for={reasonId} class="visually-hidden">
              {t("reason")}
            </label>
            <input
              id={reasonId}
              placeholder={t("reason")}
              value={reason}
              onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)}
            />
            <button type="button" disabled={state.busy || reason.trim() === ""} onClick={() => decide("SAME")}>
              {t("same")}
            </button>
            <button
              type="button"
              class="secondary"
              disabled={state.busy || reason.trim() === ""}
              onClick={() => decide("DIFFERENT")}
            >
              {t("different")}
            </button>
          </form>
        )
      )}
      {state.error && <ErrorMessage error={state.error} />}
    </li>
  );
}
