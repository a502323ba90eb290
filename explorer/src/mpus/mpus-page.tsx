import { useState } from "preact/hooks";
import { ExplorerError } from "../api/explorer-error";
import {
  ExplorerCreateMpuDocument,
  ExplorerMpuFieldsFragment,
  ExplorerMpusDocument,
  ExplorerReviewMpuDocument,
  ExplorerSubmitMpuDocument,
  MpuInput,
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
import {
  canAuthorMpus,
  filterOf,
  gateSummary,
  MPU_VIEWS,
  MpuPageView,
  mpuInputOf,
  parseTagLines,
  SandboxForm,
} from "./mpus.logic";

const VIEW_LABEL: Record<MpuPageView, MessageKey> = {
  queue: "mpuQueue",
  mine: "mpuMine",
  published: "mpuPublished",
  sandbox: "mpuSandbox",
};

/** Micro-practice units: the review queue, my units, published units, and the sandbox to compose one. */
export function MpusPage(props: { view: MpuPageView }) {
  const t = useT();
  return (
    <section aria-labelledby="mpus-title">
      <h1 id="mpus-title">{t("mpusTitle")}</h1>
      <nav aria-label={t("mpusTitle")} class="tabs">
        {MPU_VIEWS.map((view) => (
          <Link
            key={view}
            href={href({ page: "mpus", view })}
            class={view === props.view ? "active" : undefined}
            current={view === props.view}
          >
            {t(VIEW_LABEL[view])}
          </Link>
        ))}
      </nav>
      {props.view === "sandbox" ? <Sandbox /> : <MpuList key={props.view} view={props.view} />}
    </section>
  );
}

function MpuList(props: { view: Exclude<MpuPageView, "sandbox"> }) {
  const t = useT();
  const [version, setVersion] = useState(0);
  const list = useLoad(
    (token, signal) => runOperation(ExplorerMpusDocument, { filter: filterOf(props.view), first: 100 }, token, signal),
    [props.view, version],
  );
  if (list.state === "loading") return <Loading />;
  if (list.state === "error") return <ErrorMessage error={list.error} retry={list.retry} />;
  const units = list.data.mpus;
  if (units.length === 0) return <Empty text={t(props.view === "queue" ? "mpuQueueEmpty" : "mpusEmpty")} />;
  const words = { approvals: t("mpuApprovals"), confirmed: t("mpuConfirmed"), unconfirmed: t("mpuUnconfirmed") };
  return (
    <table class="grid" data-testid="mpus">
      <caption class="visually-hidden">{t(VIEW_LABEL[props.view])}</caption>
      <thead>
        <tr>
          <th scope="col">{t("mpuTitle")}</th>
          <th scope="col">{t("taskStatus")}</th>
          <th scope="col">{t("mpuSituation")}</th>
          <th scope="col">{t("mpuGate")}</th>
          <th scope="col">{t("mpuAuthor")}</th>
          <th scope="col">{t("mpuUpdated")}</th>
          {props.view !== "published" && <th scope="col">{t("mpuNext")}</th>}
        </tr>
      </thead>
      <tbody>
        {units.map((unit) => (
          <tr key={unit.id} data-testid={`mpu-${unit.id}`}>
            <td>
              {unit.title} <small>v{unit.version}</small>
            </td>
            <td>
              {unit.status}
              {unit.rejectedReason && <div class="hint">{unit.rejectedReason}</div>}
            </td>
            <td>{unit.situation.map((tag) => `${tag.kind} ${tag.value}${tag.required ? "!" : ""}`).join(", ")}</td>
            <td data-testid="gate">{gateSummary(unit.gate, words)}</td>
            <td>{unit.authorSubject}</td>
            <td>{formatDay(unit.updatedAt)}</td>
            {props.view === "queue" && (
              <td>
                <ReviewForm unit={unit} onDone={() => setVersion((n) => n + 1)} />
              </td>
            )}
            {props.view === "mine" && (
              <td>{unit.status === "DRAFT" && <SubmitButton unit={unit} onDone={() => setVersion((n) => n + 1)} />}</td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SubmitButton(props: { unit: ExplorerMpuFieldsFragment; onDone: () => void }) {
  const t = useT();
  const session = useSession();
  const [error, setError] = useState<ExplorerError | null>(null);
  return (
    <>
      <button
        type="button"
        onClick={() =>
          runOperation(ExplorerSubmitMpuDocument, { id: props.unit.id }, session.token).then(props.onDone, setError)
        }
      >
        {t("mpuSubmit")}
      </button>
      {error && <ErrorMessage error={error} />}
    </>
  );
}

/** A review: 1-5 rating, a comment, approve or reject (a rejection sends the comment as its reason). */
function ReviewForm(props: { unit: ExplorerMpuFieldsFragment; onDone: () => void }) {
  const t = useT();
  const session = useSession();
  const [rating, setRating] = useState(4);
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ExplorerError | null>(null);
  const id = props.unit.id;
  const send = (verdict: "APPROVE" | "REJECT") => {
    setBusy(true);
    setError(null);
    const text = comment.trim();
    runOperation(
      ExplorerReviewMpuDocument,
      { id, rating, comment: text, verdict, reason: verdict === "REJECT" ? text : null },
      session.token,
    ).then(props.onDone, (failure: ExplorerError) => {
      setError(failure);
      setBusy(false);
    });
  };
  return (
    <form class="complete" data-testid="review-form" onSubmit={(event) => event.preventDefault()}>
      <label for={`rating-${id}`}>{t("mpuRating")}</label>
      <select
        id={`rating-${id}`}
        value={String(rating)}
        onChange={(e) => setRating(Number((e.currentTarget as HTMLSelectElement).value))}
      >
        {[1, 2, 3, 4, 5].map((n) => (
          <option key={n} value={String(n)}>
            {n}
          </option>
        ))}
      </select>
      <label for={`comment-${id}`} class="visually-hidden">
        {t("mpuComment")}
      </label>
      <input
        id={`comment-${id}`}
        placeholder={t("mpuComment")}
        value={comment}
        onInput={(e) => setComment((e.currentTarget as HTMLInputElement).value)}
      />
      <button type="button" disabled={busy || comment.trim() === ""} onClick={() => send("APPROVE")}>
        {t("mpuApprove")}
      </button>
      <button type="button" class="danger" disabled={busy || comment.trim() === ""} onClick={() => send("REJECT")}>
        {t("mpuReject")}
      </button>
      {error && <ErrorMessage error={error} />}
    </form>
  );
}

const EMPTY_FORM: SandboxForm = {
  title: "",
  tags: "INDUSTRY: Education!\nDEAL_STAGE: PROPOSAL",
  steps: "",
  checkpointKind: "STAGE_REACHED",
  checkpointValue: "NEGOTIATION",
  withinHours: 720,
};

/** Composes a unit: situation tags, steps, one checkpoint; the API checks it and names every problem. */
function Sandbox() {
  const t = useT();
  const session = useSession();
  const [form, setForm] = useState<SandboxForm>(EMPTY_FORM);
  const [created, setCreated] = useState<ExplorerMpuFieldsFragment | null>(null);
  const [error, setError] = useState<ExplorerError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!canAuthorMpus(session.role)) return <ErrorMessage error={new ExplorerError("FORBIDDEN", "")} />;
  const bad = parseTagLines(form.tags).bad;
  const set = (patch: Partial<SandboxForm>) => setForm({ ...form, ...patch });
  const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;
  const submit = () => {
    setBusy(true);
    setError(null);
    runOperation(ExplorerCreateMpuDocument, { input: mpuInputOf(form) as MpuInput }, session.token).then(
      (data) => {
        setCreated(data.createMpu);
        setBusy(false);
      },
      (failure: ExplorerError) => {
        setError(failure);
        setBusy(false);
      },
    );
  };
  return (
    <form
      class="sandbox"
      data-testid="mpu-sandbox"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <p>{t("mpuSandboxIntro")}</p>
      <label for="mpu-title">{t("mpuTitle")}</label>
      <input id="mpu-title" required value={form.title} onInput={(e) => set({ title: value(e) })} />
      <label for="mpu-tags">{t("mpuTags")}</label>
      <textarea id="mpu-tags" rows={4} value={form.tags} onInput={(e) => set({ tags: value(e) })} />
      {bad.length > 0 && <p class="hint">{t("mpuBadTags", { lines: bad.join("; ") })}</p>}
      <label for="mpu-steps">{t("mpuSteps")}</label>
      <textarea id="mpu-steps" rows={4} value={form.steps} onInput={(e) => set({ steps: value(e) })} />
      <label for="mpu-checkpoint-kind">{t("mpuCheckpoint")}</label>
      <select
        id="mpu-checkpoint-kind"
        value={form.checkpointKind}
        onChange={(e) => set({ checkpointKind: value(e) as SandboxForm["checkpointKind"] })}
      >
        <option value="STAGE_REACHED">STAGE_REACHED</option>
        <option value="SIGNAL">SIGNAL</option>
      </select>
      <label for="mpu-checkpoint-value">{t("mpuCheckpointValue")}</label>
      <input
        id="mpu-checkpoint-value"
        value={form.checkpointValue}
        onInput={(e) => set({ checkpointValue: value(e) })}
      />
      <label for="mpu-hours">{t("mpuWithinHours")}</label>
      <input
        id="mpu-hours"
        type="number"
        min="1"
        value={String(form.withinHours)}
        onInput={(e) => set({ withinHours: Number(value(e)) })}
      />
      <button type="submit" disabled={busy}>
        {t("mpuCreateDraft")}
      </button>
      {error && <ErrorMessage error={error} />}
      {created && (
        <p role="status" data-testid="mpu-created">
          {t("mpuDraftCreated", { title: created.title, status: created.status })}{" "}
          <Link href={href({ page: "mpus", view: "mine" })}>{t("mpuMine")}</Link>
        </p>
      )}
    </form>
  );
}
