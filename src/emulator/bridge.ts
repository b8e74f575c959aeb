import type { ExcelEmulator } from "./emulator";

// What the Excel JavaScript client library needs around it to run outside Office, over the emulator:
// - `_richApiNativeBridge`, defined before the library loads: the library adopts it at load time
//   (HostBridge.init) and from then on sends every request through sendMessageToHost and receives answers and
//   events through the onMessageFromHost it sets on it;
// - `Office.context`, a getter over OSF._OfficeAppFactory.getContext(), which office.js (the loader, not loaded
//   here) would provide: requirement sets and the display language.
// The library is loaded once per page (or test file); the emulator behind it can be swapped, one per workbook.

/** The native host bridge the library looks for. */
export interface NativeBridge {
  sendMessageToHost(text: string): void;
  /** Set by the library when it adopts the bridge. */
  onMessageFromHost?: (text: string) => void;
}

/** The bridge with a swappable emulator behind it. */
export class EmulatorBridge {
  private emulator?: ExcelEmulator;
  readonly native: NativeBridge;

  /** Over `native`: a bridge object defined before the library loaded, which the library holds on to. */
  constructor(native: NativeBridge = { sendMessageToHost: () => undefined }) {
    this.native = native;
    native.sendMessageToHost = (text: string) => {
      if (!this.emulator) throw new Error("No Excel emulator is attached to the host bridge");
      this.emulator.receive(text);
    };
  }

  /** Puts this emulator behind the library: its requests, answers and events. */
  attach(emulator: ExcelEmulator): ExcelEmulator {
    if (this.emulator && this.emulator !== emulator) this.emulator.deliver = undefined;
    this.emulator = emulator;
    emulator.deliver = (text) => this.native.onMessageFromHost?.(text);
    return emulator;
  }

  get attached(): ExcelEmulator | undefined {
    return this.emulator;
  }
}

/**
 * The bridge over `_richApiNativeBridge` of the global object: the one defined before the library loaded (which the
 * library adopted), else a new one, which a library loaded after this call adopts.
 */
export function installBridge(global: Record<string, unknown> = globalThis as never): EmulatorBridge {
  const existing = global._richApiNativeBridge as NativeBridge | undefined;
  const bridge = new EmulatorBridge(existing);
  global._richApiNativeBridge = bridge.native;
  return bridge;
}

interface OsfNamespace {
  _OfficeAppFactory?: Record<string, unknown>;
}

/**
 * Gives the loaded library its Office.context: requirement sets answered by the attached emulator, and the display
 * language. `osf` is the library's OSF namespace.
 */
export function installOfficeContext(
  osf: OsfNamespace,
  bridge: EmulatorBridge,
  displayLanguage = "vi-VN",
): void {
  const context = {
    requirements: {
      isSetSupported: (name: string, version?: string) =>
        bridge.attached?.isSetSupported(name, version) ?? false,
    },
    displayLanguage,
    contentLanguage: displayLanguage,
  };
  osf._OfficeAppFactory = Object.assign(osf._OfficeAppFactory ?? {}, { getContext: () => context });
}
