// The preview's first script, before the Excel client library (preview.html): the library adopts
// `_richApiNativeBridge` as its host when it loads, so the object must exist by then; the preview's bundle, which
// runs after the library, puts the emulator behind this same object (installBridge in src/emulator/bridge.ts).
// A plain static file because the page's policy allows no inline script.
"use strict";
globalThis._richApiNativeBridge = {
  sendMessageToHost() {
    throw new Error("No Excel emulator is attached to the host bridge yet");
  },
};
