import { SubjectUser } from "../../graph/auth/user-roles.reader";

export interface UserRolesSource {
  userOf(tenant: string, externalId: string): Promise<SubjectUser | null>;
}

export interface UserRoleCacheOptions {
  /** How long an answer (a user and their roles, or "no such user") is used before it is read again. */
  ttlMs: number;
  /** The most (tenant, subject) pairs held; the oldest go first. */
  maxEntries: number;
  now?: () => number;
}

interface Entry {
  user: SubjectUser | null;
  readAt: number;
}

const key = (tenant: string, subject: string): string => `${tenant}\u0000${subject}`;

/**
 * The user each token subject names, per tenant, held for a few seconds so that capping a request by its
 * user's roles costs no statement of the request's own (decision 0018). A role change made through this
 * process applies at once ({@link forgetTenant} after users are written); one made through another
 * instance within the TTL. A failed read falls back to the last answer, however old, when there is one.
 */
export class UserRoleCache {
  private readonly entries = new Map<string, Entry>();
  private readonly reading = new Map<string, Promise<SubjectUser | null>>();
  private readonly now: () => number;
  /** Bumped by {@link forgetTenant}: a read begun before it must not store its (maybe stale) answer. */
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly source: UserRolesSource,
    private readonly options: UserRoleCacheOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async lookup(tenant: string, subject: string): Promise<SubjectUser | null> {
    const k = key(tenant, subject);
    const entry = this.entries.get(k);
    if (entry !== undefined && this.now() - entry.readAt < this.options.ttlMs) return entry.user;
    // Concurrent requests of one subject share one read.
    let pending = this.reading.get(k);
    if (pending === undefined) {
      pending = this.read(k, tenant, subject, entry).finally(() => this.reading.delete(k));
      this.reading.set(k, pending);
    }
    return pending;
  }

  /** Drops the answers of one tenant: its users were just written here. */
  forgetTenant(tenant: string): void {
    this.generations.set(tenant, (this.generations.get(tenant) ?? 0) + 1);
    const prefix = `${tenant}\u0000`;
    for (const k of [...this.entries.keys()]) if (k.startsWith(prefix)) this.entries.delete(k);
    for (const k of [...this.reading.keys()]) if (k.startsWith(prefix)) this.reading.delete(k);
  }

  private async read(k: string, tenant: string, subject: string, previous: Entry | undefined) {
    const generation = this.generations.get(tenant) ?? 0;
    let user: SubjectUser | null;
    try {
      user = await this.source.userOf(tenant, subject);
    } catch (error) {
      if (previous !== undefined) return previous.user;
      throw error;
    }
    if ((this.generations.get(tenant) ?? 0) !== generation) return user;
    this.entries.delete(k);
    this.entries.set(k, { user, readAt: this.now() });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return user;
  }
}
