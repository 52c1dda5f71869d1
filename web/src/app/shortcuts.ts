export const SHORTCUTS: readonly { keys: string[]; action: string }[] = [
  { keys: ["↑", "↓"], action: "Previous / next symbol in the watchlist" },
  { keys: ["A–Z"], action: "Type a symbol to jump to it (Enter; adds it if it is not in the watchlist)" },
  { keys: ["1"], action: "1-minute candles" },
  { keys: ["2"], action: "5-minute candles" },
  { keys: ["3"], action: "15-minute candles" },
  {
    keys: ["T"],
    action: "Coach on: hold to talk, tap to turn the mic on/off (coach off: starts the symbol box)",
  },
  { keys: ["?"], action: "Show or hide this list" },
  { keys: ["Esc"], action: "Close dialogs, clear the symbol box, stop the coach mid-sentence" },
];
