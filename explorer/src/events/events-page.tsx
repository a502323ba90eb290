import { useEffect, useState } from "preact/hooks";
import { ExplorerRecentChangesDocument } from "../api/generated/graphql";
import { ExplorerError } from "../api/explorer-error";
import { runOperation } from "../api/graphql-client";
import { useT } from "../i18n/i18n";
import { href } from "../routing/routes";
import { navigate } from "../routing/router";
import { Link } from "../shared/link";
import { useSession } from "../shared/session-context";
import { Empty, ErrorMessage, Loading } from "../shared/status";
import { useLoad } from "../shared/use-operation";
import { accountOf, changeLines, ChangeEvent, EVENT_GROUPS, EventGroup, mergeNewer, typesOf } from "./events.logic";

const PAGE = 50;
/** How often the page looks for newer events while it is open. */
const REFRESH_MS = 10_000;

/** What changed lately in the tenant's graph, newest first, filtered by kind, refreshed while open. */
export function EventsPage(props: { group: EventGroup }) {
  const t = useT();
  const first = useLoad(
    (token, signal) =>
      runOperation(ExplorerRecentChangesDocument, { first: PAGE, types: typesOf(props.group) }, token, signal),
    [props.group],
  );
  return (
    <section aria-labelledby="events-title">
      <h1 id="events-title">{t("eventsTitle")}</h1>
      <p>{t("eventsIntro")}</p>
      <label for="events-group">{t("eventsShow")}</label>{" "}
      <select
        id="events-group"
        value={props.group}
        onChange={(e) =>
          navigate(href({ page: "events", group: (e.currentTarget as HTMLSelectElement).value as EventGroup }))
        }
      >
        {EVENT_GROUPS.map((group) => (
          <option key={group} value={group}>
            {t(`eventGroup_${group}`)}
          </option>
        ))}
      </select>
      {first.state === "loading" && <Loading />}
      {first.state === "error" && <ErrorMessage error={first.error} retry={first.retry} />}
      {first.state === "done" && (
        <EventList
          key={props.group}
          group={props.group}
          initial={first.data.recentChanges.events}
          endCursor={first.data.recentChanges.endCursor}
          hasMore={first.data.recentChanges.hasMore}
        />
      )}
    </section>
  );
}

function EventList(props: { group: EventGroup; initial: ChangeEvent[]; endCursor: string; hasMore: boolean }) {
  const t = useT();
  const session = useSession();
  const [events, setEvents] = useState<ChangeEvent[]>(props.initial);
  const [older, setOlder] = useState({ cursor: props.endCursor, hasMore: props.hasMore });
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [error, setError] = useState<ExplorerError | null>(null);

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState !== "visible") return;
      runOperation(ExplorerRecentChangesDocument, { first: PAGE, types: typesOf(props.group) }, session.token).then(
        (data) => setEvents((shown) => mergeNewer(shown, data.recentChanges.events)),
        () => undefined,
      );
    }, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [props.group, session.token]);

  const loadOlder = () => {
    setLoadingOlder(true);
    setError(null);
    runOperation(
      ExplorerRecentChangesDocument,
      { first: PAGE, types: typesOf(props.group), before: older.cursor },
      session.token,
    ).then(
      (data) => {
        setEvents((shown) => [...shown, ...data.recentChanges.events]);
        setOlder({ cursor: data.recentChanges.endCursor, hasMore: data.recentChanges.hasMore });
        setLoadingOlder(false);
      },
      (failure: ExplorerError) => {
        setError(failure);
        setLoadingOlder(false);
      },
    );
  };

  if (events.length === 0) return <Empty text={t("eventsEmpty")} />;
  return (
    <>
      <table class="events grid" data-testid="events">
        <caption class="visually-hidden">{t("eventsTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t("eventAt")}</th>
            <th scope="col">{t("eventType")}</th>
            <th scope="col">{t("eventRecord")}</th>
            <th scope="col">{t("eventChanges")}</th>
            <th scope="col">{t("eventActor")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <EventRow key={event.id} event={event} />
          ))}
        </tbody>
      </table>
      {error && <ErrorMessage error={error} retry={loadOlder} />}
      {older.hasMore && (
        <button type="button" onClick={loadOlder} disabled={loadingOlder}>
          {loadingOlder ? t("loading") : t("eventsOlder")}
        </button>
      )}
    </>
  );
}

function EventRow(props: { event: ChangeEvent }) {
  const t = useT();
  const { event } = props;
  const account = accountOf(event);
  const label = event.externalId ?? event.recordId;
  return (
    <tr data-type={event.type}>
      <td>{event.sequence}</td>
      <td>
        <time dateTime={event.at}>{event.at.replace("T", " ").slice(0, 19)}</time>
      </td>
      <td>{event.type}</td>
      <td>
        {account ? <Link href={href({ page: "account", id: account })}>{label}</Link> : label}
        {event.sourceSystem && <span class="muted"> · {event.sourceSystem}</span>}
      </td>
      <td>
        <ul class="plain">
          {changeLines(event, t("eventErased")).map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </td>
      <td>{event.actor}</td>
    </tr>
  );
}
