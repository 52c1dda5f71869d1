export const SHORTCUTS: readonly { keys: string[]; action: string }[] = [
  { keys: ["↑", "↓"], action: "Previous / next symbol in the watchlist" },
  { keys: ["A–Z"], action: "Type a symbol to jump to it (Enter; adds it if it is not in the watchlist)" },
  { keys: ["1", "2", "3", "4", "5", "6", "7"], action: "1m, 2m, 5m, 15m, 30m, 1h, 1D candles" },
  { keys: ["End"], action: "Go to real time (the newest candle)" },
  {
    keys: ["Alt", "A"],
    action: "On the chart: set a price alert at the pointer's price (or right-click a price)",
  },
  {
    keys: ["T"],
    action: "Coach on: hold to talk, tap to turn the mic on/off (coach off: starts the symbol box)",
  },
  { keys: ["?"], action: "Show or hide this list" },
  { keys: ["Esc"], action: "Close dialogs, clear the symbol box, stop the coach mid-sentence" },
];
