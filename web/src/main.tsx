import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import "./index.css";
import { StoreContext } from "./store/context";
import { MarketStore } from "./store/market";
import { installTestHook } from "./testHook";

const store = new MarketStore();
installTestHook(store);
void store.start();

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");
createRoot(root).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);
