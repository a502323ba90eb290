/** Who calls the MPU service: from the request's principal. */
export interface MpuCaller {
  subject: string;
  /** Their user record id; null for a token that names no user. */
  userId: string | null;
  /** The token's role is admin and (for a user) the user holds admin: the role cap's rule. */
  isAdmin: boolean;
  /** Their audit actor: "user:<sub>" or "agent:<name>". */
  actor: string;
}
