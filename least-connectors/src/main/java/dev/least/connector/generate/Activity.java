package dev.least.connector.generate;

/** How a planned account behaves over the window; decides its sign-ins and directory state. */
enum Activity {
  /** Works and signs in on working days. */
  NORMAL,
  /** Planted: enabled, old, no sign-in for far longer than the stale threshold. */
  STALE,
  /** HR says on leave: enabled, no recent sign-ins (decoy for staleness). */
  LEAVE,
  /** Left the company; account disabled (background). */
  LEFT,
  /** Planted: HR terminated, account still enabled; signed in until the termination date. */
  ORPHAN,
  /** Joined during the window: created recently, signs in from the hire date (decoy). */
  NEW_HIRE,
  /** A non-human account: non-interactive sign-ins only. */
  SERVICE,
  /** Emergency access: never signs in in the window (guardrail-protected decoy). */
  BREAK_GLASS,
  /** A B2B guest working with one team. */
  GUEST
}
