import { ComingSoon } from "../../shared/ui/Panel";

/** The Journal panel of the dashboard: a placeholder until the journal lands. */
export function JournalPanel() {
  return (
    <ComingSoon>
      Today’s journal: notes, imported trades (Tradervue-style CSV), P&amp;L and R-multiples, search.
    </ComingSoon>
  );
}
